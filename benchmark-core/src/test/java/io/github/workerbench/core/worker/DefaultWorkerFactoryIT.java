package io.github.workerbench.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy × workload once, small, through the real client against the embedded engine:
 * every job completes exactly once and never more than max_concurrent_jobs are in work.
 */
class DefaultWorkerFactoryIT {

  private static final int JOBS = 6;
  private static final int MAX_IN_WORK = 3;
  private static final double WORK_SECONDS = 0.1;
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** One client per transport for the class: closing a REST client waits seconds for its polls. */
  private static final Map<TransportKind, CamundaClient> CLIENTS = new EnumMap<>(TransportKind.class);

  private static EngineServer engine;
  private static DefaultWorkerFactory factory;

  @BeforeAll
  static void startEngine() {
    engine = EngineServer.start(EngineConfig.ephemeral());
    factory = new DefaultWorkerFactory(CpuCalibration.lazy(), 4);
  }

  @AfterAll
  static void stopEngine() {
    CLIENTS.values().forEach(CamundaClient::close);
    engine.close();
  }

  static Stream<Arguments> strategiesAndWorkloads() {
    return Stream.of(StrategyKind.values())
        .flatMap(
            strategy ->
                Stream.of(WorkloadKind.values())
                    .map(
                        workload ->
                            Arguments.of(
                                strategy, workload, AcquisitionKind.JOB_WORKER, TransportKind.REST, 0.0)));
  }

  static Stream<Arguments> acquisitionsAndTransports() {
    Stream<Arguments> direct =
        Stream.of(StrategyKind.values())
            .map(s -> Arguments.of(s, WorkloadKind.SLEEP, AcquisitionKind.DIRECT, TransportKind.REST, 0.0));
    Stream<Arguments> grpc =
        Stream.of(TransportKind.GRPC_POLL, TransportKind.GRPC_STREAM)
            .flatMap(
                t ->
                    Stream.of(AcquisitionKind.values())
                        .map(a -> Arguments.of(StrategyKind.THREAD, WorkloadKind.SLEEP, a, t, 0.0)));
    Stream<Arguments> failing =
        Stream.of(StrategyKind.ASYNC, StrategyKind.VIRTUAL, StrategyKind.PROCESS)
            .map(s -> Arguments.of(s, WorkloadKind.SLEEP, AcquisitionKind.DIRECT, TransportKind.REST, 0.3));
    return Stream.of(direct, grpc, failing).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0} × {1} via {2} over {3}, failure rate {4}")
  @MethodSource({"strategiesAndWorkloads", "acquisitionsAndTransports"})
  void shouldCompleteEveryJobOnceWithinTheBoundWhenTheWorkerRuns(
      StrategyKind strategy,
      WorkloadKind workload,
      AcquisitionKind acquisition,
      TransportKind transport,
      double failureRate) {
    // given
    int run = RUNS.incrementAndGet();
    String processId = "wb-it-" + run;
    String jobType = "wb-it-job-" + run;
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name(processId)
                .numInstances(JOBS)
                .strategy(strategy)
                .workloadType(workload)
                .workDuration(WORK_SECONDS)
                .maxConcurrentJobs(MAX_IN_WORK)
                .repeats(1)
                .timeout(60)
                .jobTimeoutMs(30_000)
                .description("")
                .phase("it")
                .acquisition(acquisition)
                .transport(transport)
                .failureRate(failureRate)
                .build());
    RecordingObserver observer = new RecordingObserver();
    CamundaClient client = CLIENTS.computeIfAbsent(transport, DefaultWorkerFactoryIT::client);
    {
      BpmnModelInstance process =
          Bpmn.createExecutableProcess(processId)
              .startEvent()
              .serviceTask("work", task -> task.zeebeJobType(jobType).zeebeJobRetries("10"))
              .endEvent()
              .done();
      client.newDeployResourceCommand().addProcessModel(process, processId + ".bpmn").send().join();
      for (int i = 0; i < JOBS; i++) {
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
      }

      // when
      try (RunningWorker worker =
          factory.start(
              new WorkerSetup(
                  plan, jobType, JobSource.client(client), observer, System::nanoTime, false))) {
        await("every job of " + strategy.id() + " × " + workload.id() + " to complete")
            .atMost(Duration.ofSeconds(60))
            .until(() -> observer.completedJobs() == JOBS);

        // then
        assertThat(worker.resolvedStrategy()).isNotEqualTo("auto");
      }
    }
    assertThat(observer.everyJobCompletedOnce()).isTrue();
    assertThat(observer.completedJobs()).isEqualTo(JOBS);
    assertThat(observer.peakInWork()).isBetween(1, MAX_IN_WORK);
    if (failureRate > 0) {
      assertThat(observer.failures).isNotEmpty();
    }
  }

  private static CamundaClient client(TransportKind transport) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .preferRestOverGrpc(transport == TransportKind.REST)
        .defaultJobWorkerStreamEnabled(transport == TransportKind.GRPC_STREAM)
        .numJobWorkerExecutionThreads(MAX_IN_WORK)
        .build();
  }
}
