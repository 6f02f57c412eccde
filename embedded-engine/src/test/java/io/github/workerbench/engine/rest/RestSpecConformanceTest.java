package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.DeploymentInfo;
import io.github.workerbench.engine.state.InstanceState;
import io.github.workerbench.engine.state.ProcessDefinitionInfo;
import io.github.workerbench.engine.state.ProcessInstanceView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The REST answers against the response schemas of Camunda 8.9's REST API spec (the split spec
 * of camunda/camunda stable/8.9, zeebe/gateway-protocol/src/main/proto/v2/*.yaml, as published
 * for 8.9). Each test names its spec file and schema and lists that schema's {@code required}
 * fields as the spec does: every one must be present, null only where the spec marks it
 * nullable, keys must be strings matching {@code ^-?[0-9]+$}, dates RFC 3339 with an offset and
 * enums one of the spec's values. Generated SDKs in other languages parse that strictly.
 */
class RestSpecConformanceTest {

  private static final long KEY = 2251799813685249L;
  private static final String LONG_KEY = "^-?[0-9]+$";
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(Object value) {
    return mapper.valueToTree(value);
  }

  /** Every required field present; a null only where the spec says nullable. */
  private static void assertSchema(JsonNode node, String schema, List<String> required, Set<String> nullable) {
    assertThat(node.isObject()).as("%s is an object", schema).isTrue();
    List<String> fields = new ArrayList<>();
    node.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as("fields of %s", schema).containsAll(required);
    for (String field : required) {
      if (!nullable.contains(field)) {
        assertThat(node.get(field).isNull()).as("%s.%s is not nullable", schema, field).isFalse();
      }
    }
  }

  private static void assertKey(JsonNode node, String field) {
    assertThat(node.get(field).isTextual()).as("%s is a string", field).isTrue();
    assertThat(node.get(field).asText()).as(field).matches(LONG_KEY);
  }

  private static void assertInt(JsonNode node, String field) {
    assertThat(node.get(field).isIntegralNumber()).as("%s is an integer", field).isTrue();
  }

  @Test
  void shouldMatchTopologyResponseWhenTopologyIsAsked() {
    // when
    JsonNode topology = json(RestJson.topology("127.0.0.1", 26500));

    // then
    // cluster.yaml, TopologyResponse
    assertSchema(
        topology,
        "TopologyResponse",
        List.of("brokers", "clusterSize", "partitionsCount", "replicationFactor", "gatewayVersion",
            "lastCompletedChangeId", "clusterId"),
        Set.of("clusterId"));
    for (String field : List.of("clusterSize", "partitionsCount", "replicationFactor")) {
      assertInt(topology, field);
    }
    assertThat(topology.get("lastCompletedChangeId").isTextual()).isTrue();
    // cluster.yaml, BrokerInfo
    JsonNode broker = topology.get("brokers").get(0);
    assertSchema(broker, "BrokerInfo", List.of("nodeId", "host", "port", "partitions", "version"), Set.of());
    assertInt(broker, "nodeId");
    assertInt(broker, "port");
    // cluster.yaml, Partition
    JsonNode partition = broker.get("partitions").get(0);
    assertSchema(partition, "Partition", List.of("partitionId", "role", "health"), Set.of());
    assertInt(partition, "partitionId");
    assertThat(partition.get("role").asText()).isIn("leader", "follower", "inactive");
    assertThat(partition.get("health").asText()).isIn("healthy", "unhealthy", "dead");
  }

  @Test
  void shouldMatchDeploymentResultWhenResourcesAreDeployed() {
    // given
    DeploymentInfo info = new DeploymentInfo(KEY, List.of(new ProcessDefinitionInfo(KEY + 1, "p", 2, "p.bpmn")));

    // when
    JsonNode deployment = json(RestJson.deployment(info));

    // then
    // deployments.yaml, DeploymentResult
    assertSchema(deployment, "DeploymentResult", List.of("deploymentKey", "tenantId", "deployments"), Set.of());
    assertKey(deployment, "deploymentKey");
    assertThat(deployment.get("tenantId").asText()).isEqualTo("<default>");
    // deployments.yaml, DeploymentMetadataResult: all five slots required, each nullable
    JsonNode metadata = deployment.get("deployments").get(0);
    List<String> slots = List.of("processDefinition", "decisionDefinition", "decisionRequirements", "form", "resource");
    assertSchema(metadata, "DeploymentMetadataResult", slots, Set.copyOf(slots));
    // deployments.yaml, DeploymentProcessResult
    JsonNode process = metadata.get("processDefinition");
    assertSchema(
        process,
        "DeploymentProcessResult",
        List.of("processDefinitionId", "processDefinitionVersion", "resourceName", "processDefinitionKey", "tenantId"),
        Set.of());
    assertKey(process, "processDefinitionKey");
    assertInt(process, "processDefinitionVersion");
    assertThat(process.get("processDefinitionVersion").asInt()).isEqualTo(2);
  }

  @Test
  void shouldMatchCreateProcessInstanceResultWhenInstanceIsCreated() {
    // given
    ProcessInstanceView view =
        new ProcessInstanceView(KEY, KEY + 1, "p", 1, InstanceState.ACTIVE, false, Instant.EPOCH, null, Map.of());

    // when
    JsonNode created = json(RestJson.createdInstance(view, Map.of("x", true), List.of("team:a"), null));

    // then
    // process-instances.yaml, CreateProcessInstanceResult
    assertSchema(
        created,
        "CreateProcessInstanceResult",
        List.of("processDefinitionId", "processDefinitionKey", "processDefinitionVersion", "tenantId", "variables",
            "processInstanceKey", "tags", "businessId"),
        Set.of("businessId"));
    assertKey(created, "processDefinitionKey");
    assertKey(created, "processInstanceKey");
    assertInt(created, "processDefinitionVersion");
    assertThat(created.get("variables").isObject()).isTrue();
    assertThat(created.get("tags").isArray()).isTrue();
    assertThat(created.get("tags").get(0).asText()).isEqualTo("team:a");
    assertThat(created.get("processInstanceKey").asText()).isEqualTo(Long.toString(KEY));
  }

  @Test
  void shouldMatchProcessInstanceSearchQueryResultWhenInstancesAreSearched() {
    // given
    ProcessInstanceView active =
        new ProcessInstanceView(KEY, KEY + 1, "p", 1, InstanceState.ACTIVE, false, Instant.ofEpochMilli(1_500), null, Map.of());
    ProcessInstanceView done =
        new ProcessInstanceView(
            KEY + 2, KEY + 1, "p", 1, InstanceState.COMPLETED, false, Instant.EPOCH, Instant.ofEpochSecond(2), Map.of());

    // when
    JsonNode result = json(RestJson.searchResult(List.of(active, done), 7));

    // then
    // process-instances.yaml, ProcessInstanceSearchQueryResult (allOf search-models.yaml SearchQueryResponse)
    assertSchema(result, "ProcessInstanceSearchQueryResult", List.of("items", "page"), Set.of());
    // search-models.yaml, SearchQueryPageResponse
    JsonNode page = result.get("page");
    assertSchema(
        page,
        "SearchQueryPageResponse",
        List.of("totalItems", "hasMoreTotalItems", "startCursor", "endCursor"),
        Set.of("startCursor", "endCursor"));
    assertThat(page.get("totalItems").asLong()).isEqualTo(7);
    assertThat(page.get("hasMoreTotalItems").isBoolean()).isTrue();
    // process-instances.yaml, ProcessInstanceResult
    for (JsonNode item : result.get("items")) {
      assertSchema(
          item,
          "ProcessInstanceResult",
          List.of("processDefinitionId", "processDefinitionName", "processDefinitionVersion",
              "processDefinitionVersionTag", "startDate", "endDate", "state", "hasIncident", "tenantId",
              "processInstanceKey", "processDefinitionKey", "parentProcessInstanceKey", "parentElementInstanceKey",
              "rootProcessInstanceKey", "tags", "businessId"),
          Set.of("processDefinitionName", "processDefinitionVersionTag", "endDate", "parentProcessInstanceKey",
              "parentElementInstanceKey", "rootProcessInstanceKey", "businessId"));
      assertKey(item, "processInstanceKey");
      assertKey(item, "processDefinitionKey");
      assertKey(item, "rootProcessInstanceKey");
      assertThat(item.get("state").asText()).isIn("ACTIVE", "COMPLETED", "TERMINATED");
      assertThat(item.get("hasIncident").isBoolean()).isTrue();
      assertThat(item.get("tags").isArray()).isTrue();
      assertThatCode(() -> OffsetDateTime.parse(item.get("startDate").asText())).doesNotThrowAnyException();
    }
    JsonNode completed = result.get("items").get(1);
    assertThat(OffsetDateTime.parse(completed.get("endDate").asText()).toInstant()).isEqualTo(Instant.ofEpochSecond(2));
    assertThat(result.get("items").get(0).get("endDate").isNull()).isTrue();
  }

  @Test
  void shouldMatchJobActivationResultWhenJobIsActivated() {
    // given
    ActivatedJobData job =
        new ActivatedJobData(
            KEY, "work", KEY + 1, "p", 2, KEY + 2, "task", KEY + 3, Map.of("h", "v"), "w", 3, 1_000L, Map.of("n", 1));

    // when
    JsonNode answer = json(RestJson.activation(List.of(job)));

    // then
    // jobs.yaml, JobActivationResult
    assertSchema(answer, "JobActivationResult", List.of("jobs"), Set.of());
    // jobs.yaml, ActivatedJobResult
    JsonNode item = answer.get("jobs").get(0);
    assertSchema(
        item,
        "ActivatedJobResult",
        List.of("type", "processDefinitionId", "processDefinitionVersion", "elementId", "customHeaders", "worker",
            "retries", "deadline", "variables", "tenantId", "jobKey", "processInstanceKey", "processDefinitionKey",
            "elementInstanceKey", "kind", "listenerEventType", "rootProcessInstanceKey", "tags", "userTask"),
        Set.of("rootProcessInstanceKey", "userTask"));
    for (String key : List.of("jobKey", "processInstanceKey", "processDefinitionKey", "elementInstanceKey", "rootProcessInstanceKey")) {
      assertKey(item, key);
    }
    for (String field : List.of("processDefinitionVersion", "retries", "deadline")) {
      assertInt(item, field);
    }
    assertThat(item.get("kind").asText()).isIn("BPMN_ELEMENT", "EXECUTION_LISTENER", "TASK_LISTENER", "AD_HOC_SUB_PROCESS");
    assertThat(item.get("listenerEventType").asText())
        .isIn("ASSIGNING", "CANCELING", "COMPLETING", "CREATING", "END", "START", "UNSPECIFIED", "UPDATING");
    assertThat(item.get("tags").isArray()).isTrue();
    assertThat(item.get("jobKey").asText()).isEqualTo(Long.toString(KEY));
    assertThat(item.get("deadline").asLong()).isEqualTo(1_000L);
    assertThat(item.get("variables").get("n").asInt()).isEqualTo(1);
    assertThat(item.get("customHeaders").get("h").asText()).isEqualTo("v");
  }

  @Test
  void shouldMatchProblemDetailWhenProblemIsWritten() {
    // when
    JsonNode problem = json(RestJson.problem(404, "NOT_FOUND", null, null));

    // then
    // problem-detail.yaml, ProblemDetail
    assertSchema(problem, "ProblemDetail", List.of("type", "title", "status", "detail", "instance"), Set.of());
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("status").asInt()).isBetween(400, 600);
    assertThat(problem.get("detail").asText()).isEqualTo("NOT_FOUND");
    assertThat(problem.get("instance").asText()).isEqualTo("/");
  }
}
