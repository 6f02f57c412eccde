package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.DeploymentInfo;
import io.github.workerbench.engine.state.InstanceState;
import io.github.workerbench.engine.state.ProcessDefinitionInfo;
import io.github.workerbench.engine.state.ProcessInstanceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The REST answers carry every field the v2 spec marks required (the fields the 8.9.0 client's
 * generated models declare non-null), and keys as strings of digits.
 */
class RestJsonTest {

  private static final long KEY = 2251799813685249L;
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(Object value) {
    return mapper.valueToTree(value);
  }

  private static void assertKey(JsonNode node, String field) {
    assertThat(node.get(field).isTextual()).as("%s is a string", field).isTrue();
    assertThat(node.get(field).asText()).as(field).matches("\\d+");
  }

  @Test
  void shouldCarryEveryRequiredFieldWhenJobIsActivated() {
    // given
    ActivatedJobData job =
        new ActivatedJobData(KEY, "work", KEY + 1, "p", 2, KEY + 2, "task", KEY + 3, Map.of("h", "v"), "w", 3, 1_000L, Map.of("n", 1));

    // when
    JsonNode answer = json(RestJson.activation(List.of(job)));

    // then
    JsonNode item = answer.get("jobs").get(0);
    assertThat(item.fieldNames())
        .toIterable()
        .contains(
            "type", "processDefinitionId", "processDefinitionVersion", "elementId", "customHeaders",
            "worker", "retries", "deadline", "variables", "tenantId", "jobKey", "processInstanceKey",
            "processDefinitionKey", "elementInstanceKey", "kind", "listenerEventType", "tags");
    for (String key : List.of("jobKey", "processInstanceKey", "processDefinitionKey", "elementInstanceKey")) {
      assertKey(item, key);
    }
    assertThat(item.get("jobKey").asText()).isEqualTo(Long.toString(KEY));
    assertThat(item.get("variables").get("n").asInt()).isEqualTo(1);
    assertThat(item.get("customHeaders").get("h").asText()).isEqualTo("v");
  }

  @Test
  void shouldCarryEveryRequiredFieldWhenTopologyIsAsked() {
    // when
    JsonNode topology = json(RestJson.topology("127.0.0.1", 26500));

    // then
    assertThat(topology.fieldNames())
        .toIterable()
        .contains("brokers", "clusterSize", "partitionsCount", "replicationFactor", "gatewayVersion", "lastCompletedChangeId");
    JsonNode broker = topology.get("brokers").get(0);
    assertThat(broker.fieldNames()).toIterable().contains("nodeId", "host", "port", "partitions", "version");
    JsonNode partition = broker.get("partitions").get(0);
    assertThat(partition.fieldNames()).toIterable().contains("partitionId", "role", "health");
    assertThat(partition.get("role").asText()).isEqualTo("leader");
    assertThat(partition.get("health").asText()).isEqualTo("healthy");
  }

  @Test
  void shouldCarryEveryRequiredFieldWhenInstanceIsCreated() {
    // given
    ProcessInstanceView view =
        new ProcessInstanceView(KEY, KEY + 1, "p", 1, InstanceState.ACTIVE, false, Instant.EPOCH, null, Map.of());

    // when
    JsonNode created = json(RestJson.createdInstance(view, Map.of("x", true)));

    // then
    assertThat(created.fieldNames())
        .toIterable()
        .contains(
            "processDefinitionId", "processDefinitionVersion", "tenantId", "variables",
            "processDefinitionKey", "processInstanceKey", "tags");
    assertKey(created, "processDefinitionKey");
    assertKey(created, "processInstanceKey");
    assertThat(created.get("processInstanceKey").asText()).isEqualTo(Long.toString(KEY));
  }

  @Test
  void shouldCarryEveryRequiredFieldWhenResourcesAreDeployed() {
    // given
    DeploymentInfo info = new DeploymentInfo(KEY, List.of(new ProcessDefinitionInfo(KEY + 1, "p", 2, "p.bpmn")));

    // when
    JsonNode deployment = json(RestJson.deployment(info));

    // then
    assertThat(deployment.fieldNames()).toIterable().contains("deploymentKey", "tenantId", "deployments");
    assertKey(deployment, "deploymentKey");
    JsonNode process = deployment.get("deployments").get(0).get("processDefinition");
    assertThat(process.fieldNames())
        .toIterable()
        .contains("processDefinitionId", "processDefinitionVersion", "resourceName", "tenantId", "processDefinitionKey");
    assertKey(process, "processDefinitionKey");
    assertThat(process.get("processDefinitionVersion").asInt()).isEqualTo(2);
  }

  @Test
  void shouldNameStatusTitleAndDetailWhenProblemIsWritten() {
    // when
    JsonNode problem = json(RestJson.problem(404, "NOT_FOUND", "no such job", "/v2/jobs/1/completion"));

    // then
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("title").asText()).isEqualTo("NOT_FOUND");
    assertThat(problem.get("detail").asText()).isEqualTo("no such job");
  }
}
