package io.github.workerbench.engine.rest;

import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.DeploymentInfo;
import io.github.workerbench.engine.state.ProcessDefinitionInfo;
import io.github.workerbench.engine.state.ProcessInstanceView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the REST v2 answers, as maps for Jackson, in one {@link ApiVersion}'s
 * contract. Fields come in the order of the spec's schemas.
 *
 * <ul>
 *   <li>8.9: every field of the schema is present, null where there is no value (its server
 *       writes nulls; its spec marks these fields required and nullable).
 *   <li>8.8: a field whose value is null is left out (its server's models are {@code NON_NULL}),
 *       and so is every field the 8.8 schema does not have ({@code businessId}, {@code
 *       rootProcessInstanceKey}, {@code clusterId}).
 * </ul>
 *
 * Keys are digit strings; dates are UTC instants with milliseconds, as Camunda formats them
 * ({@code 2020-11-11T10:10:00.000Z}). Stateless and thread-safe.
 */
final class RestJson {

  static final String TENANT = "<default>";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private final ApiVersion version;

  RestJson(ApiVersion version) {
    this.version = version;
  }

  ApiVersion version() {
    return version;
  }

  /** GET /v2/topology. */
  Map<String, Object> topology(String host, int port) {
    Map<String, Object> partition = new LinkedHashMap<>();
    partition.put("partitionId", 1);
    partition.put("role", "leader");
    partition.put("health", "healthy");
    Map<String, Object> broker = new LinkedHashMap<>();
    broker.put("nodeId", 0);
    broker.put("host", host);
    broker.put("port", port);
    broker.put("partitions", List.of(partition));
    broker.put("version", version.serverVersion());
    Map<String, Object> topology = new LinkedHashMap<>();
    topology.put("brokers", List.of(broker));
    since89(topology, "clusterId", "workerbench-embedded");
    topology.put("clusterSize", 1);
    topology.put("partitionsCount", 1);
    topology.put("replicationFactor", 1);
    topology.put("gatewayVersion", version.serverVersion());
    topology.put("lastCompletedChangeId", "-1");
    return topology;
  }

  /** POST /v2/deployments. */
  Map<String, Object> deployment(DeploymentInfo info) {
    List<Object> deployments = new ArrayList<>();
    for (ProcessDefinitionInfo process : info.processes()) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("processDefinitionId", process.bpmnProcessId());
      definition.put("processDefinitionVersion", process.version());
      definition.put("resourceName", process.resourceName());
      definition.put("tenantId", TENANT);
      definition.put("processDefinitionKey", key(process.processDefinitionKey()));
      // one slot per deployed item; the ones of resource kinds we never deploy hold nothing
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("processDefinition", definition);
      nullable(metadata, "decisionDefinition", null);
      nullable(metadata, "decisionRequirements", null);
      nullable(metadata, "form", null);
      nullable(metadata, "resource", null);
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
  Map<String, Object> createdInstance(
      ProcessInstanceView view, Map<String, Object> variables, List<String> tags, String businessId) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processDefinitionId", view.bpmnProcessId());
    result.put("processDefinitionVersion", view.version());
    result.put("tenantId", TENANT);
    result.put("variables", variables == null ? Map.of() : variables);
    result.put("processDefinitionKey", key(view.processDefinitionKey()));
    result.put("processInstanceKey", key(view.processInstanceKey()));
    result.put("tags", tags == null ? List.of() : tags);
    since89(result, "businessId", businessId);
    return result;
  }

  /** One item of POST /v2/process-instances/search. */
  Map<String, Object> instance(ProcessInstanceView view) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processDefinitionId", view.bpmnProcessId());
    result.put("processDefinitionName", view.bpmnProcessId());
    result.put("processDefinitionVersion", view.version());
    nullable(result, "processDefinitionVersionTag", null);
    result.put("startDate", date(view.startDate()));
    nullable(result, "endDate", view.endDate() == null ? null : date(view.endDate()));
    result.put("state", view.state().name());
    result.put("hasIncident", view.hasIncident());
    result.put("tenantId", TENANT);
    result.put("processInstanceKey", key(view.processInstanceKey()));
    result.put("processDefinitionKey", key(view.processDefinitionKey()));
    nullable(result, "parentProcessInstanceKey", null);
    nullable(result, "parentElementInstanceKey", null);
    // instances have no parent here, so each is its own root
    since89(result, "rootProcessInstanceKey", key(view.processInstanceKey()));
    // the engine keeps neither tags nor business ids of instances
    result.put("tags", List.of());
    since89(result, "businessId", null);
    return result;
  }

  /**
   * POST /v2/process-instances/search.
   *
   * @param views the page of matches
   * @param totalItems how many instances matched before paging
   */
  Map<String, Object> searchResult(List<ProcessInstanceView> views, long totalItems) {
    List<Object> items = new ArrayList<>(views.size());
    views.forEach(v -> items.add(instance(v)));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", totalItems);
    page.put("hasMoreTotalItems", false);
    nullable(page, "startCursor", null);
    nullable(page, "endCursor", null);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("items", items);
    result.put("page", page);
    return result;
  }

  /** One job of POST /v2/jobs/activation. */
  Map<String, Object> job(ActivatedJobData job) {
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
    nullable(result, "userTask", null);
    result.put("tags", List.of());
    since89(result, "rootProcessInstanceKey", key(job.processInstanceKey()));
    return result;
  }

  /** POST /v2/jobs/activation. */
  Map<String, Object> activation(List<ActivatedJobData> jobs) {
    List<Object> items = new ArrayList<>(jobs.size());
    jobs.forEach(j -> items.add(job(j)));
    return Map.of("jobs", items);
  }

  /**
   * An RFC 9457 problem, as Camunda's REST API writes it (Spring's {@code ProblemDetail}, {@code
   * type} {@code about:blank}, {@code instance} the request's path). 8.9 requires all five
   * members, so a missing detail becomes the title there; 8.8 leaves a missing one out.
   */
  Map<String, Object> problem(int status, String title, String detail, String instance) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("type", "about:blank");
    result.put("title", title);
    result.put("status", status);
    if (detail != null || version.isAtLeast(ApiVersion.V8_9)) {
      result.put("detail", detail == null ? title : detail);
    }
    result.put("instance", instance == null || instance.isEmpty() ? "/" : instance);
    return result;
  }

  /** A field both generations have, optional in 8.8 and required but nullable in 8.9. */
  private void nullable(Map<String, Object> into, String field, Object value) {
    if (value != null || version.isAtLeast(ApiVersion.V8_9)) {
      into.put(field, value);
    }
  }

  /** A field Camunda 8.9 added: required (and nullable) there, unknown to 8.8. */
  private void since89(Map<String, Object> into, String field, Object value) {
    if (version.isAtLeast(ApiVersion.V8_9)) {
      into.put(field, value);
    }
  }

  static String date(Instant instant) {
    return DATE.format(instant);
  }

  static String key(long key) {
    return Long.toString(key);
  }
}
