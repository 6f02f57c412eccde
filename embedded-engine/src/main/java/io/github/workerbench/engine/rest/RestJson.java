package io.github.workerbench.engine.rest;

import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.DeploymentInfo;
import io.github.workerbench.engine.state.ProcessDefinitionInfo;
import io.github.workerbench.engine.state.ProcessInstanceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the REST v2 answers, as maps for Jackson. Every field the Camunda 8.9 REST
 * spec marks required is present (null only where the spec marks it nullable, so the mapper must
 * write nulls); keys are digit strings; dates are ISO-8601 instants with a {@code Z} offset.
 * Stateless and thread-safe.
 */
public final class RestJson {

  static final String TENANT = "<default>";
  static final String VERSION = "8.9.0";

  private RestJson() {}

  /** GET /v2/topology. */
  public static Map<String, Object> topology(String host, int port) {
    Map<String, Object> partition = new LinkedHashMap<>();
    partition.put("partitionId", 1);
    partition.put("role", "leader");
    partition.put("health", "healthy");
    Map<String, Object> broker = new LinkedHashMap<>();
    broker.put("nodeId", 0);
    broker.put("host", host);
    broker.put("port", port);
    broker.put("partitions", List.of(partition));
    broker.put("version", VERSION);
    Map<String, Object> topology = new LinkedHashMap<>();
    topology.put("brokers", List.of(broker));
    topology.put("clusterId", "workerbench-embedded");
    topology.put("clusterSize", 1);
    topology.put("partitionsCount", 1);
    topology.put("replicationFactor", 1);
    topology.put("gatewayVersion", VERSION);
    topology.put("lastCompletedChangeId", "-1");
    return topology;
  }

  /** POST /v2/deployments. */
  public static Map<String, Object> deployment(DeploymentInfo info) {
    List<Object> deployments = new ArrayList<>();
    for (ProcessDefinitionInfo process : info.processes()) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("processDefinitionId", process.bpmnProcessId());
      definition.put("processDefinitionVersion", process.version());
      definition.put("resourceName", process.resourceName());
      definition.put("tenantId", TENANT);
      definition.put("processDefinitionKey", key(process.processDefinitionKey()));
      // the spec requires all five slots; the ones of resource kinds we never deploy are null
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("processDefinition", definition);
      metadata.put("decisionDefinition", null);
      metadata.put("decisionRequirements", null);
      metadata.put("form", null);
      metadata.put("resource", null);
      deployments.add(metadata);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("deploymentKey", key(info.deploymentKey()));
    result.put("tenantId", TENANT);
    result.put("deployments", deployments);
    return result;
  }

  /**
   * POST /v2/process-instances.
   *
   * @param variables the root variables to report (empty unless the request awaited completion)
   * @param tags the tags the request gave, echoed as Camunda does
   * @param businessId the business id the request gave, or null
   */
  public static Map<String, Object> createdInstance(
      ProcessInstanceView view, Map<String, Object> variables, List<String> tags, String businessId) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processDefinitionId", view.bpmnProcessId());
    result.put("processDefinitionVersion", view.version());
    result.put("tenantId", TENANT);
    result.put("variables", variables == null ? Map.of() : variables);
    result.put("processDefinitionKey", key(view.processDefinitionKey()));
    result.put("processInstanceKey", key(view.processInstanceKey()));
    result.put("tags", tags == null ? List.of() : tags);
    result.put("businessId", businessId);
    return result;
  }

  /** One item of POST /v2/process-instances/search. */
  public static Map<String, Object> instance(ProcessInstanceView view) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processDefinitionId", view.bpmnProcessId());
    result.put("processDefinitionName", view.bpmnProcessId());
    result.put("processDefinitionVersion", view.version());
    result.put("processDefinitionVersionTag", null);
    result.put("startDate", view.startDate().toString());
    result.put("endDate", view.endDate() == null ? null : view.endDate().toString());
    result.put("state", view.state().name());
    result.put("hasIncident", view.hasIncident());
    result.put("tenantId", TENANT);
    result.put("processInstanceKey", key(view.processInstanceKey()));
    result.put("processDefinitionKey", key(view.processDefinitionKey()));
    result.put("parentProcessInstanceKey", null);
    result.put("parentElementInstanceKey", null);
    // instances have no parent here, so each is its own root
    result.put("rootProcessInstanceKey", key(view.processInstanceKey()));
    // the engine keeps neither tags nor business ids of instances
    result.put("tags", List.of());
    result.put("businessId", null);
    return result;
  }

  /** POST /v2/process-instances/search, unpaged. */
  public static Map<String, Object> searchResult(List<ProcessInstanceView> views) {
    return searchResult(views, views.size());
  }

  /**
   * POST /v2/process-instances/search.
   *
   * @param views the page of matches
   * @param totalItems how many instances matched before paging
   */
  public static Map<String, Object> searchResult(List<ProcessInstanceView> views, long totalItems) {
    List<Object> items = new ArrayList<>(views.size());
    views.forEach(v -> items.add(instance(v)));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", totalItems);
    page.put("hasMoreTotalItems", false);
    page.put("startCursor", null);
    page.put("endCursor", null);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("items", items);
    result.put("page", page);
    return result;
  }

  /** One job of POST /v2/jobs/activation. */
  public static Map<String, Object> job(ActivatedJobData job) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("type", job.type());
    result.put("processDefinitionId", job.bpmnProcessId());
    result.put("processDefinitionVersion", job.processDefinitionVersion());
    result.put("elementId", job.elementId());
    result.put("customHeaders", job.customHeaders() == null ? Map.of() : job.customHeaders());
    result.put("worker", job.worker());
    result.put("retries", job.retries());
    result.put("deadline", job.deadlineEpochMillis());
    result.put("variables", job.variables() == null ? Map.of() : job.variables());
    result.put("tenantId", TENANT);
    result.put("jobKey", key(job.key()));
    result.put("processInstanceKey", key(job.processInstanceKey()));
    result.put("processDefinitionKey", key(job.processDefinitionKey()));
    result.put("elementInstanceKey", key(job.elementInstanceKey()));
    result.put("kind", "BPMN_ELEMENT");
    result.put("listenerEventType", "UNSPECIFIED");
    // only user-task listener jobs carry user task properties
    result.put("userTask", null);
    result.put("tags", List.of());
    result.put("rootProcessInstanceKey", key(job.processInstanceKey()));
    return result;
  }

  /** POST /v2/jobs/activation. */
  public static Map<String, Object> activation(List<ActivatedJobData> jobs) {
    List<Object> items = new ArrayList<>(jobs.size());
    jobs.forEach(j -> items.add(job(j)));
    return Map.of("jobs", items);
  }

  /**
   * An RFC 9457 problem, as Camunda's REST API writes it. All five members are required strings
   * (status an integer): a missing detail or instance becomes the title or "/".
   */
  public static Map<String, Object> problem(int status, String title, String detail, String instance) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("type", "about:blank");
    result.put("title", title);
    result.put("status", status);
    result.put("detail", detail == null ? title : detail);
    result.put("instance", instance == null || instance.isEmpty() ? "/" : instance);
    return result;
  }

  static String key(long key) {
    return Long.toString(key);
  }
}
