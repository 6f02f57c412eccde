package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine-free floor through the one scenario loop: the run's strategies fed by the feeder. */
class BareRepeatDriverTest {

  private static final int JOBS = 40;
  private static final int CONCURRENCY = 10;
  private static final double WORK_SECONDS = 0.05;

  private static ScenarioRunner runner(Warmup warmup) {
    return new ScenarioRunner(
        new BareRepeatDriver(
            new DefaultWorkerFactory(CpuCalibration.fixed(1e8), 2), warmup, System::nanoTime));
  }

  private final ScenarioRunner runner = runner(Warmup.none());

  private static ScenarioPlan plan(
      StrategyKind strategy, int jobs, int concurrency, double workSeconds, double failureRate) {
    return ScenarioPlan.of(
        Scenario.builder()
            .name("bare_" + strategy.id())
            .numInstances(jobs)
            .strategy(strategy)
            .workloadType(WorkloadKind.SLEEP)
            .workDuration(workSeconds)
            .maxConcurrentJobs(concurrency)
            .repeats(1)
            .timeout(60)
            .jobTimeoutMs(30_000)
            .phase("test")
            .jitterPct(0.2)
            .failureRate(failureRate)
            .build());
  }

  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"ASYNC", "THREAD", "VIRTUAL", "AUTO"})
  void shouldCompleteEveryJobWithinTheBoundWhenWorkSleeps(StrategyKind strategy) {
    // given
    ScenarioPlan plan = plan(strategy, JOBS, CONCURRENCY, WORK_SECONDS, 0);

    // when
    ScenarioResult result = runner.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.error()).isNull();
    assertThat(result.repeats()).hasSize(1);
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.idealTimeSeconds()).isCloseTo(4 * WORK_SECONDS, within(1e-9));
    assertThat(repeat.jobsCompleted()).isEqualTo(JOBS);
    assertThat(repeat.peakInFlight()).isBetween(1, CONCURRENCY);
    assertThat(repeat.efficiency()).isGreaterThan(0).isLessThanOrEqualTo(1.05);
    assertThat(repeat.totalTimeSeconds()).isGreaterThan(0);
    assertThat(repeat.jobsPerSecond()).isCloseTo(JOBS / repeat.totalTimeSeconds(), within(1e-6));
    assertThat(repeat.startDelay().count()).isEqualTo(JOBS);
    assertThat(repeat.failedJobs()).isZero();
    assertThat(result.summaries().get(Metric.EFFICIENCY).avg()).isEqualTo(repeat.efficiency());
  }

  @Test
  void shouldCountFailedRunsAndRetryThemWhenFailureRateIsSet() {
    // given
    ScenarioPlan plan = plan(StrategyKind.THREAD, JOBS, CONCURRENCY, 0.01, 0.3);

    // when
    ScenarioResult result = runner.run(plan);

    // then
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.failedJobs()).isPositive();
    assertThat(repeat.jobsCompleted() + repeat.incidents()).isEqualTo(JOBS);
    // every failure with retries left is handed over again, as the engine offers it again
    assertThat(repeat.redeliveries()).isEqualTo(repeat.failedJobs() - repeat.incidents());
    assertThat(repeat.peakInFlight()).isBetween(1, CONCURRENCY);
    assertThat(result.status())
        .isEqualTo(repeat.incidents() == 0 ? RunStatus.SUCCESS : RunStatus.FAILED);
  }

  @Test
  void shouldReportIncidentsWithoutThrowingWhenEveryRunFails() {
    // given
    ScenarioPlan plan = plan(StrategyKind.VIRTUAL, 8, 4, 0.01, 1.0);

    // when
    ScenarioResult result = runner.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error())
        .isEqualTo(
            "Expected 8 jobs to complete, but 0 did: 8 ran out of their 3 retries and raised"
                + " incidents");
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isZero();
    assertThat(repeat.incidents()).isEqualTo(8);
    assertThat(repeat.failedJobs()).isEqualTo(8L * ScenarioPlan.JOB_RETRIES);
    assertThat(repeat.efficiency()).isZero();
  }

  @Test
  void shouldKeepChildJvmStartUpOutsideTheWindowWhenStrategyIsProcess() {
    // given a factory that notes when it was asked for the worker, every job's hand-over and
    // every completion, on the clock the window is measured with
    ScenarioPlan plan = plan(StrategyKind.PROCESS, 4, 2, 0.2, 0);
    AtomicLong workerAsked = new AtomicLong();
    AtomicLong firstActivation = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastCompletion = new AtomicLong(Long.MIN_VALUE);
    JobObserver seen =
        new JobObserver() {
          @Override
          public void activated(long jobKey, long activatedNanos) {
            firstActivation.accumulateAndGet(activatedNanos, Math::min);
          }

          @Override
          public void completed(long jobKey, long processInstanceKey, long completedNanos) {
            lastCompletion.accumulateAndGet(completedNanos, Math::max);
          }
        };
    WorkerFactory workers =
        new DefaultWorkerFactory(CpuCalibration.fixed(1e8), 2).alsoObservedBy(seen);
    ScenarioRunner noting =
        new ScenarioRunner(
            new BareRepeatDriver(
                setup -> {
                  workerAsked.set(System.nanoTime());
                  return workers.start(setup);
                },
                Warmup.none(),
                System::nanoTime));

    // when
    ScenarioResult result = noting.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.resolvedStrategy()).isEqualTo("process");
    assertThat(result.workerStartupSeconds()).isPositive();
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isEqualTo(4);
    assertThat(repeat.peakInFlight()).isBetween(1, 2);
    // the child JVMs were up no earlier than their start-up after the worker was asked for (one
    // nanosecond: the start-up comes back as seconds in a double)
    long childrenUp = workerAsked.get() + Math.round(result.workerStartupSeconds() * 1e9) - 1;
    // no job reached the worker before that, so the window (which opens when the worker has
    // started, or at the first hand-over if earlier, and ends at the last completion) holds none
    // of their start-up
    assertThat(firstActivation.get()).isBetween(childrenUp, lastCompletion.get());
    assertThat(repeat.totalTimeSeconds())
        .isLessThanOrEqualTo((lastCompletion.get() - childrenUp) / 1e9);
  }

  @Test
  void shouldWarmUpOncePerStrategyAndWorkloadWhenWarmupIsOn() {
    // given
    ScenarioRunner warming = runner(Warmup.standard());
    ScenarioPlan plan = plan(StrategyKind.VIRTUAL, JOBS, CONCURRENCY, WORK_SECONDS, 0);

    // when
    ScenarioResult first = warming.run(plan);
    ScenarioResult second = warming.run(plan);
    ScenarioResult otherStrategy =
        warming.run(plan(StrategyKind.THREAD, JOBS, CONCURRENCY, WORK_SECONDS, 0));

    // then the discarded repeat is not among the repeats
    assertThat(first.warmupSeconds()).isPositive();
    assertThat(first.warnings()).isEmpty();
    assertThat(second.warmupSeconds()).isZero();
    assertThat(otherStrategy.warmupSeconds()).isPositive();
    assertThat(first.repeats()).hasSize(1);
    assertThat(first.repeats().get(0).repeat()).isEqualTo(1);
    assertThat(first.repeats().get(0).jobsCompleted()).isEqualTo(JOBS);
  }

  @Test
  void shouldNotWarmUpWhenWarmupIsOff() {
    // given
    ScenarioPlan plan = plan(StrategyKind.VIRTUAL, JOBS, CONCURRENCY, WORK_SECONDS, 0);

    // when
    ScenarioResult result = runner.run(plan);

    // then
    assertThat(result.warmupSeconds()).isZero();
  }

  @Test
  void shouldNotFlagTheJobTimeoutWhenNoEngineTimesJobsOut() {
    // given work of 0.05 s against a job timeout of 1 ms
    ScenarioPlan plan =
        ScenarioPlan.of(
            plan(StrategyKind.VIRTUAL, 8, 4, WORK_SECONDS, 0).scenario().toBuilder()
                .jobTimeoutMs(1)
                .build());

    // when
    ScenarioResult result = runner.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.warnings()).isEmpty();
    assertThat(result.repeats().get(0).redeliveries()).isZero();
  }
}
