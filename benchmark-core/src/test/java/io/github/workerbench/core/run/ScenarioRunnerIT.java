package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.core.worker.ExecutionStrategy;
import io.github.workerbench.core.worker.Job;
import io.github.workerbench.core.worker.JobReporter;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The runner against the embedded engine, with a minimal worker and with the real ones. */
class ScenarioRunnerIT {

  private static EmbeddedEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = new EmbeddedEngine();
    engine.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static Scenario.Builder small() {
    return Scenario.builder()
        .name("runner-it")
        .numInstances(10)
        .strategy(StrategyKind.THREAD)
        .workloadType(WorkloadKind.SLEEP)
        .workDuration(0.05)
        .maxConcurrentJobs(5)
        .repeats(1)
        .timeout(30)
        .jobTimeoutMs(30_000)
        .phase("it");
  }

  /** A runner on the shared engine that never closes it (the class does). */
  private static ScenarioRunner runner(WorkerFactory workers, RunListener listener) {
    return new ScenarioRunner(
        new EngineRepeatDriver(() -> new SharedEngine(engine), workers),
        System::nanoTime,
        java.time.Clock.systemUTC(),
        listener);
  }

  /** Runs the plan on the shared engine with its own runner, closed before the result is read. */
  private static ScenarioResult runOnce(WorkerFactory workers, ScenarioPlan plan) {
    try (ScenarioRunner runner = runner(workers, RunListener.noop())) {
      return runner.run(plan);
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void shouldCompleteEveryJobOnceWhenTheWorkerCompletesThem(TransportKind transport) {
    // given
    ScenarioPlan plan = ScenarioPlan.of(small().transport(transport).repeats(2).build());
    List<Integer> finishedRepeats = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void repeatFinished(ScenarioPlan p, RepeatMetrics metrics) {
            finishedRepeats.add(metrics.repeat());
          }
        };
    // when
    ScenarioResult result;
    try (ScenarioRunner runner = runner(completingWorker(Integer.MAX_VALUE), listener)) {
      result = runner.run(plan);
    }
    // then
    assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.resolvedStrategy()).isEqualTo("completing");
    assertThat(finishedRepeats).containsExactly(1, 2);
    for (RepeatMetrics repeat : result.repeats()) {
      assertThat(repeat.jobsCompleted()).isEqualTo(10);
      assertThat(repeat.latency().count()).isEqualTo(10);
      assertThat(repeat.redeliveries()).isZero();
      assertThat(repeat.peakInFlight()).isBetween(1, 5);
      assertThat(repeat.totalTimeSeconds()).isPositive();
      assertThat(repeat.jobsPerSecond()).isPositive();
      assertThat(repeat.idealTimeSeconds()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(repeat.peakThreads()).isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void shouldWarmUpOncePerTransportAndAcquisitionWhenWarmupIsOn(TransportKind transport) {
    // given
    ScenarioPlan first = ScenarioPlan.of(small().transport(transport).build());
    ScenarioPlan sameKind = ScenarioPlan.of(small().name("same-kind").transport(transport).build());
    ScenarioPlan direct =
        ScenarioPlan.of(
            small().name("direct").transport(transport).acquisition(AcquisitionKind.DIRECT).build());
    AtomicInteger seenByProgress = new AtomicInteger();
    JobObserver progress =
        new JobObserver() {
          @Override
          public void completed(long jobKey, long processInstanceKey, long completedNanos) {
            seenByProgress.incrementAndGet();
          }
        };
    // when
    List<ScenarioResult> results;
    try (ScenarioRunner runner =
        new ScenarioRunner(
            new EngineRepeatDriver(
                () -> new SharedEngine(engine),
                new DefaultWorkerFactory().alsoObservedBy(progress),
                new Warmup(40),
                System::nanoTime))) {
      results = List.of(runner.run(first), runner.run(sameKind), runner.run(direct));
    }
    // then the warm-up ran before the first scenario of each kind, and its jobs were not counted
    assertThat(seenByProgress).as("completions the progress bar saw").hasValue(30);
    assertThat(results).allSatisfy(result -> {
      assertThat(RunResults.successfulRepeat(result).jobsCompleted()).isEqualTo(10);
      assertThat(result.repeats().get(0).redeliveries()).isZero();
    });
    assertThat(results).allSatisfy(result -> assertThat(result.warnings()).isEmpty());
    assertThat(results.get(0).warmupSeconds()).isPositive();
    assertThat(results.get(1).warmupSeconds()).isZero();
    assertThat(results.get(2).warmupSeconds()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(AcquisitionKind.class)
  void shouldFailNamingTheCauseWhenTheWarmupCannotCreateItsInstances(AcquisitionKind acquisition) {
    // given a warm-up on a process that was never deployed
    ScenarioPlan plan = ScenarioPlan.of(small().acquisition(acquisition).build());
    try (io.camunda.client.CamundaClient client = engine.newClientBuilder().build()) {
      ClientWarmup warmup = new ClientWarmup(client, plan, "wb-never-deployed", 5);
      ClientWarmup.Creation creation =
          () ->
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId("wb-never-deployed")
                  .latestVersion()
                  .send()
                  .join();
      // when / then
      assertThatThrownBy(() -> warmup.run(Duration.ofSeconds(20), creation))
          .isInstanceOf(BenchmarkException.class)
          .hasMessageStartingWith("Expected the warm-up to create its instances, but ");
    }
  }

  @Test
  void shouldNotWarmUpWhenWarmupIsOff() {
    // given
    ScenarioPlan plan = ScenarioPlan.of(small().build());
    // when
    ScenarioResult result = runOnce(new DefaultWorkerFactory(), plan);
    // then
    assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.warmupSeconds()).isZero();
  }

  @Test
  void shouldFailAndKeepPartialFiguresWhenJobsMissTheTimeout() {
    // given a worker that completes only 4 of 10 jobs and a 1 s timeout
    ScenarioPlan plan = ScenarioPlan.of(small().timeout(1).build());
    // when
    ScenarioResult result = runOnce(completingWorker(4), plan);
    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("Expected 10 jobs to complete within 1.0 s, but 4 did");
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.status()).isEqualTo(RunStatus.FAILED);
    assertThat(repeat.jobsCompleted()).isEqualTo(4);
    assertThat(repeat.latency().count()).isEqualTo(4);
    assertThat(repeat.totalTimeSeconds()).isPositive();
  }

  @Test
  void shouldReportInterruptedWhenTheRunningThreadIsInterrupted() {
    // given a worker that never completes, and an interrupt already pending
    ScenarioPlan plan = ScenarioPlan.of(small().timeout(30).build());
    // when
    ScenarioResult result;
    try (ScenarioRunner runner = runner(completingWorker(0), RunListener.noop())) {
      Thread.currentThread().interrupt();
      result = runner.run(plan);
    } finally {
      Thread.interrupted();
    }
    // then
    assertThat(result.status()).isEqualTo(RunStatus.INTERRUPTED);
  }

  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"THREAD", "VIRTUAL", "ASYNC"})
  void shouldCompleteEveryJobWhenTheRealWorkerRuns(StrategyKind strategy) {
    // given
    ScenarioPlan plan = ScenarioPlan.of(small().strategy(strategy).build());
    // when
    ScenarioResult result = runOnce(new DefaultWorkerFactory(), plan);
    // then
    assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.resolvedStrategy()).isEqualTo(strategy.id());
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isEqualTo(10);
    assertThat(repeat.peakInFlight()).isBetween(1, 5);
    assertThat(repeat.redeliveries()).isZero();
    assertThat(repeat.startDelay().count()).isGreaterThanOrEqualTo(10);
  }

  /**
   * A minimal worker on the plan's own acquisition whose strategy completes the first {@code
   * limit} jobs it gets at once and leaves the rest untouched.
   */
  static WorkerFactory completingWorker(int limit) {
    return setup -> {
      JobObserver observer = setup.observer();
      LongSupplier clock = setup.nanoClock();
      JobReporter reporter = setup.source().reporter();
      AtomicInteger taken = new AtomicInteger();
      ExecutionStrategy completing =
          new ExecutionStrategy() {
            @Override
            public String id() {
              return "completing";
            }

            @Override
            public int maxJobsInWork() {
              return setup.plan().maxConcurrentJobs();
            }

            @Override
            public boolean blocking() {
              return true;
            }

            @Override
            public CompletableFuture<Void> submit(Job job, long activatedNanos) {
              if (taken.incrementAndGet() <= limit) {
                observer.started(job.key(), activatedNanos, clock.getAsLong());
                observer.finished(job.key(), clock.getAsLong());
                reporter.complete(job).toCompletableFuture().join();
                observer.completed(job.key(), job.processInstanceKey(), clock.getAsLong());
              }
              return CompletableFuture.completedFuture(null);
            }

            @Override
            public Duration startupTime() {
              return Duration.ZERO;
            }

            @Override
            public void close() {}
          };
      AutoCloseable acquisition = setup.source().start(completing, setup);
      return new RunningWorker() {
        @Override
        public String resolvedStrategy() {
          return completing.id();
        }

        @Override
        public Duration startupTime() {
          return Duration.ZERO;
        }

        @Override
        public void close() {
          try {
            acquisition.close();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      };
    };
  }

  /** Delegates to a started engine without stopping it, so tests share one engine. */
  private static final class SharedEngine extends ForwardingEngine {
    SharedEngine(EmbeddedEngine delegate) {
      super(delegate);
    }

    @Override
    public void start() {}

    @Override
    public void close() {}
  }
}
