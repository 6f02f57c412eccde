package io.github.workerbench.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdealTimeTest {

  @ParameterizedTest
  @EnumSource(
      value = WorkloadKind.class,
      names = {"IO", "SUBPROCESS", "SLEEP"})
  void shouldRunCJobsSideBySideWhenWorkIsTimeBound(WorkloadKind workload) {
    // given n=200, c=20, d=0.5: ceil(200/20) = 10 rounds of 0.5 s
    // when
    double ideal = IdealTime.seconds(StrategyKind.ASYNC, workload, 200, 20, 0.5, 2);
    // then
    assertThat(ideal).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void shouldRoundUpTheLastPartialRoundWhenNIsNotAMultipleOfC() {
    // given n=21, c=10, d=1: ceil(2.1) = 3 rounds
    // when
    double ideal = IdealTime.seconds(StrategyKind.THREAD, WorkloadKind.SLEEP, 21, 10, 1.0, 8);
    // then
    assertThat(ideal).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void shouldUseNAsTheWidthWhenCIsLargerThanN() {
    // given n=5, c=50, d=0.2: one round
    // when
    double ideal = IdealTime.seconds(StrategyKind.VIRTUAL, WorkloadKind.IO, 5, 50, 0.2, 2);
    // then
    assertThat(ideal).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void shouldSerializeEveryJobWhenCpuWorkRunsOnTheEventLoop() {
    // given n=20, d=0.5 under async: 20 × 0.5
    // when
    double ideal = IdealTime.seconds(StrategyKind.ASYNC, WorkloadKind.CPU, 20, 10, 0.5, 8);
    // then
    assertThat(ideal).isCloseTo(10.0, within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"THREAD", "VIRTUAL", "PROCESS", "AUTO"})
  void shouldBoundCpuWorkByTheCoresWhenTheStrategyIsParallel(StrategyKind strategy) {
    // given n=20, c=10, d=0.5 on 2 cores: ceil(20/2) = 10 rounds
    // when
    double ideal = IdealTime.seconds(strategy, WorkloadKind.CPU, 20, 10, 0.5, 2);
    // then
    assertThat(ideal).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void shouldBoundCpuWorkByCWhenThereAreMoreCoresThanSlots() {
    // given n=20, c=4, d=0.5 on 16 cores: ceil(20/4) = 5 rounds
    // when
    double ideal = IdealTime.seconds(StrategyKind.THREAD, WorkloadKind.CPU, 20, 4, 0.5, 16);
    // then
    assertThat(ideal).isCloseTo(2.5, within(1e-9));
  }

  @Test
  void shouldCountOnlyTheSleepingWhenTheWorkIsSubprocessThreaded() {
    // given n=10, c=5, d=1: 2 rounds of 3 × 0.1 s
    // when
    double ideal =
        IdealTime.seconds(StrategyKind.THREAD, WorkloadKind.SUBPROCESS_THREADED, 10, 5, 1.0, 2);
    // then
    assertThat(ideal).isCloseTo(0.6, within(1e-9));
  }

  @Test
  void shouldMultiplyPerRepeatByRepeatsWhenAskedForAllRepeats() {
    // given n=20, c=5, d=1 sleep, 3 repeats: 4 s each
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name("ideal")
                .numInstances(20)
                .strategy(StrategyKind.THREAD)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(1.0)
                .maxConcurrentJobs(5)
                .repeats(3)
                .timeout(60)
                .jobTimeoutMs(60_000)
                .phase("p")
                .build());
    // when / then
    assertThat(IdealTime.perRepeat(plan, 2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(IdealTime.allRepeats(plan, 2)).isEqualTo(Duration.ofSeconds(12));
  }
}
