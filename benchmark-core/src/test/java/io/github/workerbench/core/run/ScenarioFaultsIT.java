package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.core.worker.internal.WorkChildMain;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineCounters;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults are measured, not fatal: failing handlers, job timeouts shorter than the work, a child
 * JVM of the process strategy dying mid-job, the engine stopping mid-scenario, and nothing of a
 * scenario left for the next. Each test runs the real worker on its own embedded engine.
 */
class ScenarioFaultsIT {

  private EngineServer server;

  @BeforeEach
  void startEngine() {
    server = EngineServer.start(EngineConfig.ephemeral());
  }

  @AfterEach
  void stopEngine() {
    server.close();
  }

  private static Scenario.Builder small(String name) {
    return Scenario.builder()
        .name(name)
        .numInstances(4)
        .strategy(StrategyKind.THREAD)
        .workloadType(WorkloadKind.SLEEP)
        .workDuration(0.05)
        .maxConcurrentJobs(4)
        .repeats(1)
        .timeout(30)
        .jobTimeoutMs(30_000)
        .phase("faults");
  }

  private ScenarioRunner runner(WorkerFactory workers) {
    return new ScenarioRunner(new EngineRepeatDriver(() -> new ServerEngine(server), workers));
  }

  @Test
  void shouldPassAndCountTheFailedJobsWhenHandlersFailAtTheFailureRate() {
    // given 4 jobs at once with failure_rate 0.3: under the fixed seed, run 4 of the first 5
    // handler runs fails (FailureSchedule), so exactly one job fails once and is retried
    ScenarioPlan plan = ScenarioPlan.of(small("failing").failureRate(0.3).build());

    // when
    ScenarioResult result;
    try (ScenarioRunner runner = runner(new DefaultWorkerFactory())) {
      result = runner.run(plan);
    }

    // then
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    assertThat(repeat.jobsCompleted()).isEqualTo(4);
    assertThat(repeat.failedJobs()).isEqualTo(1);
    assertThat(repeat.incidents()).isZero();
    assertThat(result.warnings())
        .contains("1 handler runs failed and were reported to the engine for a retry");
    assertThat(server.counters().jobsFailed()).isEqualTo(1);
  }

  @Test
  void shouldCountRedeliveriesAndSaySoWhenTheJobTimeoutIsShorterThanTheWork() {
    // given work of 0.3 s, a job timeout of 0.1 s, and 10 slots for 2 jobs on a job stream, so
    // the engine pushes each job again once its timeout passed
    ScenarioPlan plan =
        ScenarioPlan.of(
            small("timing-out")
                .transport(TransportKind.GRPC_STREAM)
                .numInstances(2)
                .maxConcurrentJobs(10)
                .workDuration(0.3)
                .jobTimeoutMs(100)
                .build());

    // when
    ScenarioResult result;
    try (ScenarioRunner runner = runner(new DefaultWorkerFactory())) {
      result = runner.run(plan);
    }

    // then
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.redeliveries()).as(result + " " + server.counters()).isPositive();
    assertThat(server.counters().jobsTimedOut()).isPositive();
    assertThat(result.warnings())
        .anyMatch(w -> w.startsWith("job_timeout_ms 100 is shorter than the work"))
        .anyMatch(w -> w.endsWith("redeliveries: jobs were activated again, e.g. because"
            + " job_timeout_ms passed before their work ended"));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void shouldRetryTheJobAndGoOnWhenAProcessChildDiesMidJob() {
    // given the process strategy; when the first job starts, every child JVM is killed
    ScenarioPlan plan =
        ScenarioPlan.of(
            small("child-dies")
                .strategy(StrategyKind.PROCESS)
                .numInstances(6)
                .maxConcurrentJobs(2)
                .workDuration(0.2)
                .timeout(60)
                .build());
    AtomicBoolean killed = new AtomicBoolean();
    JobObserver killer =
        new StartObserver(
            () -> {
              if (killed.compareAndSet(false, true)) {
                workChildren().forEach(ProcessHandle::destroyForcibly);
              }
            });

    // when
    ScenarioResult result;
    try (ScenarioRunner runner = runner(new DefaultWorkerFactory().alsoObservedBy(killer))) {
      result = runner.run(plan);
    }

    // then the jobs in the dead children failed, were retried on replacements, and all completed
    assertThat(killed).isTrue();
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    assertThat(repeat.jobsCompleted()).isEqualTo(6);
    assertThat(repeat.failedJobs()).isPositive();
    assertThat(repeat.incidents()).isZero();
    await("the children to be gone")
        .atMost(Duration.ofSeconds(10))
        .until(() -> workChildren().isEmpty());
  }

  @Test
  void shouldFailWithTheReasonWithoutHangingWhenTheEngineStopsMidScenario() {
    // given 40 jobs of 0.2 s, two at a time (4 s), and a timeout of 60 s
    ScenarioPlan plan =
        ScenarioPlan.of(
            small("engine-stops")
                .numInstances(40)
                .maxConcurrentJobs(2)
                .workDuration(0.2)
                .timeout(60)
                .build());
    List<Long> completed = new CopyOnWriteArrayList<>();
    JobObserver counting = new CompletionObserver(completed);
    ScenarioRunner runner = runner(new DefaultWorkerFactory().alsoObservedBy(counting));
    CompletableFuture<ScenarioResult> running = CompletableFuture.supplyAsync(() -> runner.run(plan));
    try {
      await("some jobs to complete")
          .atMost(Duration.ofSeconds(30))
          .failFast("the scenario ended early", running::isDone)
          .until(() -> completed.size() >= 2);

      // when
      server.close();

      // then the scenario ends well before its timeout, naming the engine and a remedy
      await("the scenario to end")
          .atMost(Duration.ofSeconds(30))
          .until(running::isDone);
      ScenarioResult result = running.join();
      assertThat(result.status()).isEqualTo(RunStatus.FAILED);
      assertThat(result.error())
          .startsWith("Expected to reach the engine at http://127.0.0.1:")
          .contains(", but ")
          .contains("Check that the engine runs");
      assertThat(result.repeats().get(0).jobsCompleted()).isBetween(2L, 39L);
    } finally {
      runner.close();
    }
  }

  @Test
  void shouldLeaveNothingBehindWhenTwoScenariosRunBackToBack(@TempDir Path temp)
      throws IOException {
    // given an io scenario on threads (temporary files), then a process one (child JVMs)
    List<String> jobTypes = new CopyOnWriteArrayList<>();
    DefaultWorkerFactory real = new DefaultWorkerFactory();
    WorkerFactory recording =
        setup -> {
          jobTypes.add(setup.jobType());
          return real.start(setup);
        };
    ScenarioPlan io = ScenarioPlan.of(small("first-io").workloadType(WorkloadKind.IO).build());
    ScenarioPlan process =
        ScenarioPlan.of(small("second-process").strategy(StrategyKind.PROCESS).build());
    String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", temp.toString());
    try (ScenarioRunner runner = runner(recording);
        CamundaClient probe = new ServerEngine(server).newClientBuilder().build()) {

      // when
      ScenarioResult first = runner.run(io);

      // then
      assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo(RunStatus.SUCCESS);
      assertNothingLeft(probe, jobTypes.get(0), 4, temp);

      // when
      ScenarioResult second = runner.run(process);

      // then
      assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo(RunStatus.SUCCESS);
      assertNothingLeft(probe, jobTypes.get(1), 8, temp);
      assertThat(jobTypes.get(0)).isNotEqualTo(jobTypes.get(1));
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
  }

  /** No job to activate, every instance ended, no worker thread, child JVM or temp file. */
  private void assertNothingLeft(CamundaClient probe, String jobType, long instances, Path temp)
      throws IOException {
    var activated =
        probe
            .newActivateJobsCommand()
            .jobType(jobType)
            .maxJobsToActivate(10)
            .requestTimeout(Duration.ofMillis(100))
            .send()
            .join();
    assertThat(activated.getJobs()).as("activatable jobs of " + jobType).isEmpty();
    EngineCounters counters = server.counters();
    assertThat(counters.processInstancesCreated()).isEqualTo(instances);
    assertThat(counters.processInstancesCompleted()).isEqualTo(instances);
    assertThat(counters.jobsCompleted()).isEqualTo(counters.jobsCreated());
    await("the worker's threads to end")
        .atMost(Duration.ofSeconds(10))
        .until(() -> workerThreads().isEmpty());
    await("the child JVMs to end")
        .atMost(Duration.ofSeconds(10))
        .until(() -> workChildren().isEmpty());
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).as("temporary files").isEmpty();
    }
  }

  /** Live threads the strategies and acquisitions name ({@code wb-…}). */
  private static Set<String> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("wb-"))
        .collect(Collectors.toSet());
  }

  /** This JVM's child JVMs of the process strategy. */
  private static List<ProcessHandle> workChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().commandLine().map(c -> c.contains(WorkChildMain.class.getName())).orElse(true))
        .toList();
  }

  /** An observer that runs an action when a job's work starts. */
  private record StartObserver(Runnable onStart) implements JobObserver {
    @Override
    public void started(long jobKey, long activatedNanos, long startedNanos) {
      onStart.run();
    }
  }

  /** An observer that lists the completed jobs. */
  private record CompletionObserver(List<Long> completed) implements JobObserver {
    @Override
    public void completed(long jobKey, long processInstanceKey, long completedNanos) {
      completed.add(jobKey);
    }
  }

  /** The test's engine server behind the adapter interface; closing it is the test's business. */
  private record ServerEngine(EngineServer server) implements EngineAdapter {
    @Override
    public void start() {}

    @Override
    public URI grpcAddress() {
      return URI.create("http://127.0.0.1:" + server.grpcPort());
    }

    @Override
    public URI restAddress() {
      return URI.create("http://127.0.0.1:" + server.restPort());
    }

    @Override
    public CamundaClientBuilder newClientBuilder() {
      return CamundaClient.newClientBuilder()
          .applyEnvironmentVariableOverrides(false)
          .grpcAddress(grpcAddress())
          .restAddress(restAddress());
    }

    @Override
    public void close() {}
  }
}
