package io.github.workerbench.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatMetricsTest {

  @ParameterizedTest(name = "{0} of 10 jobs in {1} s")
  @CsvSource({"10, 2.5", "4, 1.0"})
  void shouldCreditOnlyTheCompletedJobsWhenTheWindowIsSet(int completed, double windowSeconds) {
    // given `completed` of 10 jobs, ideal 2 s: completed/10 of the ideal time, 4 jobs/s either way
    RepeatMetrics.Builder builder =
        RepeatMetrics.builder(1).jobsCompleted(completed).expectedJobs(10).idealTimeSeconds(2.0);

    // when
    RepeatMetrics metrics = builder.window(windowSeconds).build();

    // then
    assertThat(metrics.totalTimeSeconds()).isEqualTo(windowSeconds);
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
