package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java client 8.9 against an engine answering as Camunda 8.8, over REST and gRPC: it parses
 * every 8.8 answer job workers meet (it ignores unknown properties and reads a missing field as
 * null), so deploying, creating with tags, searching and working jobs all succeed, and what 8.8
 * has not (a business id, a root instance key) reads as absent.
 */
class ApiVersionClientsIT {

  private EngineServer engine;
  private CamundaClient client;

  @AfterEach
  void stop() {
    engine.close();
    client.close();
  }

  @ParameterizedTest(name = "rest={0}")
  @ValueSource(booleans = {true, false})
  void shouldWorkJobsAndReadWhat88SendsWhenTheClientIs89(boolean rest) {
    // given
    engine = EngineServer.start(EngineConfig.builder().ephemeralPorts().apiVersion(ApiVersion.V8_8).build());
    client =
        EngineClients.builder(engine)
            .preferRestOverGrpc(rest)
            .build();

    // when
    Topology topology = client.newTopologyRequest().send().join();
    DeploymentEvent deployed = EngineClients.deployOneTask(client, "p", "work");
    ProcessInstanceEvent created =
        client.newCreateInstanceCommand().bpmnProcessId("p").latestVersion().tags("team:a").businessId("order-1").send().join();
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    client.newCompleteCommand(jobs.get(0)).send().join();

    // then
    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.0");
    assertThat(topology.getBrokers().get(0).getVersion()).isEqualTo("8.8.0");
    assertThat(deployed.getProcesses()).extracting(p -> p.getBpmnProcessId()).containsExactly("p");
    assertThat(created.getTags()).containsExactly("team:a");
    assertThat(created.getBusinessId()).as("8.8 has no business id: ignored, as an 8.8 gateway does").isNull();
    assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(created.getProcessInstanceKey());
    if (rest) {
      // 8.8's REST answer has no root instance key; gRPC's message has none in either version
      assertThat(jobs.get(0).getRootProcessInstanceKey()).isNull();
      assertThat(jobs.get(0).getTags()).isEmpty();
      await("the instance completed")
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> client.newProcessInstanceSearchRequest().send().join().items(),
              items -> items.size() == 1 && items.get(0).getEndDate() != null);
      ProcessInstance found = client.newProcessInstanceSearchRequest().send().join().items().get(0);
      assertThat(found.getProcessInstanceKey()).isEqualTo(created.getProcessInstanceKey());
      assertThat(found.getParentProcessInstanceKey()).isNull();
    }
    assertThat(engine.counters().jobsCompleted()).isEqualTo(1);
  }
}
