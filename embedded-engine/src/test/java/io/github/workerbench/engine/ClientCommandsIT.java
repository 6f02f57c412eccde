package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
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

  private static EngineServer engine;
  @RegisterExtension final OpenedClients clients = new OpenedClients();

  @BeforeAll
  static void startEngine() {
    engine = EngineServer.start(EngineConfig.ephemeral());
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  /** A client preferring the protocol, with a one-task process of its own deployed. */
  private CamundaClient client(Protocol protocol, String processId) {
    CamundaClient client = clients.open(EngineClients.builder(engine).preferRestOverGrpc(protocol == Protocol.REST));
    EngineClients.deployOneTask(client, processId);
    return client;
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldEchoTagsAndBusinessIdWhenTheClientCreatesAnInstanceWithThem(Protocol protocol) {
    // given
    CamundaClient client = client(protocol, "labels-" + protocol);

    // when
    ProcessInstanceEvent created =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("labels-" + protocol)
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
    String processId = "updates-" + protocol;
    CamundaClient client = client(protocol, processId);
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join().getProcessInstanceKey();
    long canceledBefore = engine.counters().processInstancesCanceled();
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(processId)
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
    assertThat(engine.counters().processInstancesCanceled()).isEqualTo(canceledBefore + 1);
  }
}
