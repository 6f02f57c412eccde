package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The commands besides the job worker's own that the real camunda-client-java sends, over gRPC
 * and REST: what the client puts in its requests (tags, business id, operation references, update
 * changesets) must pass every check the engine and the REST endpoint make, and come back as sent.
 */
class ClientCommandsIT {

  enum Protocol {
    GRPC,
    REST
  }

  private EngineServer engine;
  private CamundaClient client;

  @BeforeEach
  void startEngine() {
    engine = EngineServer.start(EngineConfig.ephemeral());
  }

  @AfterEach
  void stopEngine() {
    engine.close();
    if (client != null) {
      client.close();
    }
  }

  private CamundaClient client(Protocol protocol) {
    client =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
            .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
            .preferRestOverGrpc(protocol == Protocol.REST)
            .build();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("p").startEvent().serviceTask("t", t -> t.zeebeJobType("t")).endEvent().done(),
            "p.bpmn")
        .send()
        .join();
    return client;
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldEchoTagsAndBusinessIdWhenTheClientCreatesAnInstanceWithThem(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);

    // when
    ProcessInstanceEvent created =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("p")
            .latestVersion()
            .tags("team:a", "b")
            .businessId("order-1")
            .send()
            .join();

    // then
    assertThat(created.getTags()).containsExactlyInAnyOrder("team:a", "b");
    assertThat(created.getBusinessId()).isEqualTo("order-1");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldAcceptUpdatesAndCancellationWhenTheClientSendsThem(Protocol protocol) {
    // given an activated job
    CamundaClient client = client(protocol);
    long instance = client.newCreateInstanceCommand().bpmnProcessId("p").latestVersion().send().join().getProcessInstanceKey();
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType("t")
            .maxJobsToActivate(1)
            .workerName("w")
            .timeout(Duration.ofMinutes(5))
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).hasSize(1);
    long job = jobs.get(0).getKey();

    // when
    client.newUpdateRetriesCommand(job).retries(5).send().join();
    client.newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(10)).send().join();
    client.newUpdateJobCommand(job).updateRetries(4).send().join();
    client.newCancelInstanceCommand(instance).send().join();

    // then
    assertThat(engine.counters().processInstancesCanceled()).isEqualTo(1);
  }
}
