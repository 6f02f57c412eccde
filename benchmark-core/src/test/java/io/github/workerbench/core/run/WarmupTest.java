package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.WorkloadKind;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void shouldBeOffWhenNone() {
    // given
    Warmup none = Warmup.none();
    // when
    boolean enabled = none.enabled();
    // then
    assertThat(enabled).isFalse();
    assertThat(none.jobs()).isZero();
    assertThat(none.workerJobs()).isZero();
  }

  @Test
  void shouldSendFiveHundredClientJobsAndHalfAsManyWorkerJobsWhenStandard() {
    // given
    Warmup standard = Warmup.standard();
    // when
    boolean enabled = standard.enabled();
    // then the figures README and the results format document
    assertThat(enabled).isTrue();
    assertThat(standard.jobs()).isEqualTo(500);
    assertThat(standard.workerJobs()).isEqualTo(250);
  }

  @Test
  void shouldBeOnWithHalfItsJobsRoundedDownForTheWorkerWhenGivenAnyJobs() {
    // given
    Warmup one = new Warmup(1);
    Warmup seven = new Warmup(7);
    // when / then
    assertThat(one.enabled()).isTrue();
    assertThat(one.workerJobs()).isZero();
    assertThat(seven.workerJobs()).isEqualTo(3);
  }

  @Test
  void shouldRefuseNegativeJobsWhenCreated() {
    // given
    int jobs = -1;
    // when / then
    assertThatThrownBy(() -> new Warmup(jobs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warm-up jobs must not be negative, but was -1");
  }

  private static ScenarioPlan plan(int n, int c, double d, WorkloadKind workload) {
    return ScenarioPlan.of(
        ScenarioWarningsTest.scenario()
            .numInstances(n)
            .maxConcurrentJobs(c)
            .workDuration(d)
            .workloadType(workload)
            .build());
  }

  @Test
  void shouldCallAScenarioBusyWhenItsIdealRateReachesAThousandJobsPerSecond() {
    // given
    Warmup standard = Warmup.standard();
    // when / then: n / ideal time, the ideal being ceil(n / c) × d (cpu: c capped at the cores)
    assertThat(standard.busy(plan(20_000, 1_000, 0.1, WorkloadKind.SLEEP), 2)).isTrue();
    assertThat(standard.busy(plan(1_000, 100, 0.1, WorkloadKind.SLEEP), 2)).isTrue();
    assertThat(standard.busy(plan(1_000, 99, 0.1, WorkloadKind.SLEEP), 2)).isFalse();
    assertThat(standard.busy(plan(200, 20, 0.5, WorkloadKind.SLEEP), 2)).isFalse();
    assertThat(standard.busy(plan(1_000, 100, 0.1, WorkloadKind.CPU), 2)).isFalse();
  }

  @Test
  void shouldRunBetweenTheWorkerJobsAndFiveThousandJobsPerRoundWhenBusy() {
    // given
    Warmup standard = Warmup.standard();
    // when / then
    assertThat(standard.busyRoundJobs(plan(20_000, 1_000, 0.1, WorkloadKind.SLEEP))).isEqualTo(5_000);
    assertThat(standard.busyRoundJobs(plan(2_000, 1_000, 0.01, WorkloadKind.SLEEP))).isEqualTo(2_000);
    assertThat(standard.busyRoundJobs(plan(100, 100, 0.01, WorkloadKind.SLEEP))).isEqualTo(250);
  }
}
