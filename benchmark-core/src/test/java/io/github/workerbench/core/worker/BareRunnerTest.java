package io.github.workerbench.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.core.result.BareResult;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BareRunnerTest {

  private static final int JOBS = 40;
  private static final int CONCURRENCY = 10;
  private static final double WORK_SECONDS = 0.05;

  private final BareRunner runner = new BareRunner(CpuCalibration.fixed(1e8), 2, System::nanoTime);

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
    BareResult result = runner.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.error()).isNull();
    assertThat(result.idealTimeSeconds()).isCloseTo(4 * WORK_SECONDS, within(1e-9));
    assertThat(result.repeats()).hasSize(1);
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isEqualTo(JOBS);
    assertThat(repeat.peakInFlight()).isBetween(1, CONCURRENCY);
    assertThat(repeat.efficiency()).isGreaterThan(0).isLessThanOrEqualTo(1.05);
    assertThat(repeat.totalTimeSeconds()).isGreaterThan(0);
    assertThat(repeat.jobsPerSecond()).isCloseTo(JOBS / repeat.totalTimeSeconds(), within(1e-6));
    assertThat(repeat.startDelay().count()).isEqualTo(JOBS);
    assertThat(repeat.failedJobs()).isZero();
    assertThat(result.summaries().get(io.github.workerbench.model.result.Metric.EFFICIENCY).avg()).isEqualTo(repeat.efficiency());
  }

  @Test
  void shouldCountFailedRunsAndRetryThemWhenFailureRateIsSet() {
    // given
    ScenarioPlan plan = plan(StrategyKind.THREAD, JOBS, CONCURRENCY, 0.01, 0.3);

    // when
    BareResult result = runner.run(plan);

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
    BareResult result = runner.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("0 did", "8 ran out of their 3 retries");
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isZero();
    assertThat(repeat.incidents()).isEqualTo(8);
    assertThat(repeat.failedJobs()).isEqualTo(8L * ScenarioPlan.JOB_RETRIES);
    assertThat(repeat.efficiency()).isZero();
  }

  @Test
  void shouldKeepChildJvmStartUpOutsideTheWindowWhenStrategyIsProcess() {
    // given
    ScenarioPlan plan = plan(StrategyKind.PROCESS, 4, 2, 0.2, 0);

    // when
    BareResult result = runner.run(plan);

    // then
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.resolvedStrategy()).isEqualTo("process");
    assertThat(result.workerStartupSeconds()).isPositive();
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isEqualTo(4);
    assertThat(repeat.peakInFlight()).isBetween(1, 2);
    // with the start-up inside, the window would be at least start-up + ideal time
    assertThat(repeat.totalTimeSeconds())
        .isLessThan(result.idealTimeSeconds() + result.workerStartupSeconds());
  }

  @Test
  void shouldWarmUpOncePerStrategyAndWorkloadWhenWarmupIsOn() {
    // given
    BareRunner warming = new BareRunner(CpuCalibration.fixed(1e8), 2, System::nanoTime, true);
    ScenarioPlan plan = plan(StrategyKind.VIRTUAL, JOBS, CONCURRENCY, WORK_SECONDS, 0);

    // when
    BareResult first = warming.run(plan);
    BareResult second = warming.run(plan);
    BareResult otherStrategy = warming.run(plan(StrategyKind.THREAD, JOBS, CONCURRENCY, WORK_SECONDS, 0));

    // then the discarded repeat is not among the repeats
    assertThat(first.warmupSeconds()).isPositive();
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
    BareResult result = runner.run(plan);

    // then
    assertThat(result.warmupSeconds()).isZero();
  }
}
