package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.StreamJobsResponse;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drives the embedded engine with the real camunda-client-java over gRPC polling, gRPC streaming
 * and REST, as job workers use it.
 */
class EngineServerIT {

  enum Transport {
    GRPC_POLL,
    GRPC_STREAM,
    REST
  }

  /** Activation by command: streaming has no command of its own for one-off activation. */
  enum Protocol {
    GRPC,
    REST
  }

  private static final Duration LONG = Duration.ofMinutes(5);

  private EngineServer engine;
  @RegisterExtension final OpenedClients clients = new OpenedClients();

  @BeforeEach
  void startEngine() {
    engine = EngineServer.start(EngineConfig.ephemeral());
  }

  @AfterEach
  void stopEngine() {
    // engine first (the clients close after this): it answers parked polls, so a REST client's
    // graceful close has nothing to wait for (it waits up to 5 s for in-flight long polls otherwise)
    engine.close();
  }

  private CamundaClient client(boolean rest, boolean stream) {
    return clients.open(
        EngineClients.builder(engine).preferRestOverGrpc(rest).defaultJobWorkerStreamEnabled(stream));
  }

  private CamundaClient client(Transport transport) {
    return client(transport == Transport.REST, transport == Transport.GRPC_STREAM);
  }

  private CamundaClient client(Protocol protocol) {
    return client(protocol == Protocol.REST, false);
  }

  private static BpmnModelInstance oneTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType).zeebeJobRetries("3"))
        .endEvent()
        .done();
  }

  /**
   * The one job of a new instance of the one-task process {@code id} (job type {@code id} too),
   * activated for {@code jobTimeout}.
   */
  private static ActivatedJob activatedJob(CamundaClient client, String id, Duration jobTimeout) {
    deploy(client, oneTask(id, id));
    createInstance(client, id);
    return activate(client, id, jobTimeout, Duration.ofSeconds(5)).getJobs().get(0);
  }

  private static void deploy(CamundaClient client, BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  private static long createInstance(CamundaClient client, String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("n", 1))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static ActivateJobsResponse activate(CamundaClient client, String type, Duration timeout, Duration requestTimeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .timeout(timeout)
        .workerName("test")
        .requestTimeout(requestTimeout)
        .send()
        .join();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompleteEveryJobExactlyOnceWhenThousandInstancesRun(Transport transport) {
    // given
    CamundaClient client = client(transport);
    deploy(client, oneTask("bulk", "bulk"));
    List<CamundaFuture<?>> created = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      created.add(client.newCreateInstanceCommand().bpmnProcessId("bulk").latestVersion().send());
    }
    created.forEach(CamundaFuture::join);
    Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();

    // when
    try (JobWorker worker =
        client
            .newWorker()
            .jobType("bulk")
            .handler(
                (jobClient, job) -> {
                  handled.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
                  jobClient.newCompleteCommand(job).send();
                })
            .maxJobsActive(200)
            .timeout(LONG)
            .open()) {
      await("every instance completed")
          .atMost(Duration.ofSeconds(30))
          .until(engine::counters, c -> c.processInstancesCompleted() == 1000);
    }

    // then
    EngineCounters counters = engine.counters();
    assertThat(handled).hasSize(1000);
    assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(counters.processInstancesCreated()).isEqualTo(1000);
    assertThat(counters.jobsCreated()).isEqualTo(1000);
    assertThat(counters.jobsCompleted()).isEqualTo(1000);
    assertThat(counters.jobsActivated()).isEqualTo(1000);
    assertThat(counters.incidents()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldAcceptLateCompletionOnceWhenJobTimedOutAndWasReactivated(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);
    ActivatedJob first = activatedJob(client, "late", Duration.ofMillis(300));

    // when the activation times out, the job is activated again
    await("job activated again after its timeout")
        .atMost(Duration.ofSeconds(10))
        .until(() -> activate(client, "late", LONG, Duration.ofSeconds(1)).getJobs(), jobs -> !jobs.isEmpty());

    // then Zeebe accepts completion in state ACTIVATED whoever holds it: the late worker wins
    client.newCompleteCommand(first.getKey()).send().join();
    assertThat(engine.counters().jobsTimedOut()).isEqualTo(1);
    assertThat(engine.counters().processInstancesCompleted()).isEqualTo(1);
    // and the second holder's completion finds no job: a job completes at most once
    assertNotFound(protocol, () -> client.newCompleteCommand(first.getKey()).send().join());
    assertThat(engine.counters().jobsCompleted()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldReactivateAfterBackoffAndRaiseIncidentWhenRetriesRunOut(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);
    ActivatedJob job = activatedJob(client, "retry", LONG);

    // when failed with a retry left and a back-off
    client.newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofMillis(300)).errorMessage("boom").send().join();

    // then it is activated again after the back-off, with the retries left
    ActivatedJob again = activate(client, "retry", LONG, Duration.ofSeconds(10)).getJobs().get(0);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);

    // when failed with no retries left
    client.newFailCommand(job.getKey()).retries(0).errorMessage("boom").send().join();

    // then an incident, and the job is never activated again
    assertThat(engine.counters().incidents()).isEqualTo(1);
    assertThat(activate(client, "retry", LONG, Duration.ofMillis(500)).getJobs()).isEmpty();
    assertThat(engine.counters().jobsActivated()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldRaiseIncidentWhenErrorThrownWithoutBoundaryEvent(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);
    ActivatedJob job = activatedJob(client, "error", LONG);

    // when
    client.newThrowErrorCommand(job.getKey()).errorCode("E1").errorMessage("business error").send().join();

    // then
    assertThat(engine.counters().incidents()).isEqualTo(1);
    assertThat(engine.counters().errorsThrown()).isEqualTo(1);
    assertThat(activate(client, "error", LONG, Duration.ofMillis(500)).getJobs()).isEmpty();
    assertThat(engine.counters().processInstancesCompleted()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldAnswerNotFoundWhenCompletingUnknownJob(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);

    // when / then
    assertNotFound(protocol, () -> client.newCompleteCommand(2251799813685249L + 999_999).send().join());
  }

  private static void assertNotFound(Protocol protocol, Runnable call) {
    if (protocol == Protocol.GRPC) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    } else {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.code()).isEqualTo(404);
                assertThat(e.details().getStatus()).isEqualTo(404);
                assertThat(e.details().getDetail()).contains("no such job");
              });
    }
  }

  @org.junit.jupiter.api.Test
  void shouldPushJobsToStreamAndReturnThemWhenStreamCloses() {
    // given a stream open before the jobs exist
    CamundaClient client = client(false, true);
    deploy(client, oneTask("streamed", "streamed"));
    List<ActivatedJob> received = new CopyOnWriteArrayList<>();
    CamundaFuture<StreamJobsResponse> stream =
        client.newStreamJobsCommand().jobType("streamed").consumer(received::add).workerName("s").timeout(LONG).send();

    // when
    for (int i = 0; i < 5; i++) {
      createInstance(client, "streamed");
    }

    // then they arrive without any poll
    await("jobs pushed to the stream").atMost(Duration.ofSeconds(10)).until(() -> received.size() == 5);
    assertThat(engine.counters().jobsActivated()).isEqualTo(5);

    // when the stream closes, its jobs are activatable again at once (not after 5 minutes)
    stream.cancel(true);
    await("stream's jobs returned").atMost(Duration.ofSeconds(10)).until(() -> engine.counters().jobsReturned() == 5);
    assertThat(activate(client, "streamed", LONG, Duration.ofSeconds(5)).getJobs()).hasSize(5);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldEndEmptyPollWithinRequestTimeoutAndEarlyWhenJobArrives(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);
    deploy(client, oneTask("poll", "poll"));

    // when nothing is activatable, the poll answers empty once its request timeout passes
    CamundaFuture<ActivateJobsResponse> empty =
        client.newActivateJobsCommand().jobType("poll").maxJobsToActivate(1).timeout(LONG).workerName("w")
            .requestTimeout(Duration.ofSeconds(1)).send();
    await("empty poll answered").atMost(Duration.ofSeconds(5)).until(empty::isDone);
    assertThat(empty.join().getJobs()).isEmpty();

    // when a poll parks for a minute and a job arrives
    CamundaFuture<ActivateJobsResponse> parked =
        client.newActivateJobsCommand().jobType("poll").maxJobsToActivate(1).timeout(LONG).workerName("w")
            .requestTimeout(Duration.ofSeconds(60)).send();
    createInstance(client, "poll");

    // then it answers with the job long before its request timeout
    await("parked poll answered").atMost(Duration.ofSeconds(10)).until(parked::isDone);
    assertThat(parked.join().getJobs()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldDeliverEveryNewJobToNewWorkerWhenOldWorkerClosedWhileParked(Transport transport) {
    // given a worker whose poll (or stream) is parked, then its client closed
    CamundaClient old = client(transport);
    deploy(old, oneTask("handover", "handover"));
    List<Long> oldJobs = new CopyOnWriteArrayList<>();
    JobWorker oldWorker =
        old.newWorker().jobType("handover").handler((c, j) -> { oldJobs.add(j.getKey()); c.newCompleteCommand(j).send(); }).timeout(LONG)
            .requestTimeout(Duration.ofSeconds(30)).open();
    await("old worker polling").atMost(Duration.ofSeconds(5)).until(oldWorker::isOpen);
    oldWorker.close();
    old.close();

    // when a new worker opens and jobs arrive
    CamundaClient fresh = client(transport);
    List<Long> newJobs = new CopyOnWriteArrayList<>();
    try (JobWorker newWorker =
        fresh.newWorker().jobType("handover").handler((c, j) -> { newJobs.add(j.getKey()); c.newCompleteCommand(j).send(); }).timeout(LONG)
            .requestTimeout(Duration.ofSeconds(30)).open()) {
      for (int i = 0; i < 5; i++) {
        createInstance(fresh, "handover");
      }

      // then every one reaches the new worker at once (a swallowed job would wait 5 minutes)
      await("new worker got every job").atMost(Duration.ofSeconds(15)).until(() -> newJobs.size() == 5);
    }
    assertThat(oldJobs).isEmpty();
    await("completions counted").atMost(Duration.ofSeconds(10)).until(engine::counters, c -> c.jobsCompleted() == 5);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void shouldRejectDeploymentNamingElementWhenBpmnHasUnsupportedElement(Protocol protocol) {
    // given
    CamundaClient client = client(protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("gw")
            .startEvent()
            .exclusiveGateway("split_here")
            .serviceTask("a", t -> t.zeebeJobType("a"))
            .endEvent()
            .done();

    // when / then
    if (protocol == Protocol.GRPC) {
      assertThatThrownBy(() -> deploy(client, model))
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getMessage()).contains("split_here");
              });
    } else {
      assertThatThrownBy(() -> deploy(client, model))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.code()).isEqualTo(400);
                assertThat(e.details().getDetail()).contains("split_here");
              });
    }
  }
}
