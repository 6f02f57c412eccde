package io.github.workerbench.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RepeatMetricsTest {

  @Test
  void shouldDeriveThroughputAndEfficiencyWhenTheWindowIsSet() {
    // given 10 of 10 jobs, ideal 2 s
    RepeatMetrics.Builder builder =
        RepeatMetrics.builder(1).jobsCompleted(10).expectedJobs(10).idealTimeSeconds(2.0);

    // when the window took 2.5 s
    RepeatMetrics metrics = builder.window(2.5).build();

    // then
    assertThat(metrics.totalTimeSeconds()).isEqualTo(2.5);
    assertThat(metrics.jobsPerSecond()).isCloseTo(4.0, within(1e-12));
    assertThat(metrics.efficiency()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void shouldCreditOnlyTheCompletedJobsWhenTheRepeatIsPartial() {
    // given 4 of 10 jobs, ideal 2 s
    RepeatMetrics.Builder builder =
        RepeatMetrics.builder(1).jobsCompleted(4).expectedJobs(10).idealTimeSeconds(2.0);

    // when the window took 1 s
    RepeatMetrics metrics = builder.window(1.0).build();

    // then 4/10 of the ideal time in 1 s
    assertThat(metrics.jobsPerSecond()).isCloseTo(4.0, within(1e-12));
    assertThat(metrics.efficiency()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void shouldLeaveThroughputAndEfficiencyAtZeroWhenTheWindowIsEmpty() {
    // given
    RepeatMetrics.Builder builder =
        RepeatMetrics.builder(1).jobsCompleted(0).expectedJobs(10).idealTimeSeconds(2.0);

    // when
    RepeatMetrics metrics = builder.window(0).build();

    // then
    assertThat(metrics.totalTimeSeconds()).isZero();
    assertThat(metrics.jobsPerSecond()).isZero();
    assertThat(metrics.efficiency()).isZero();
  }
}
