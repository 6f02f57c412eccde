package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.model.scenario.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The harness's path on a real embedded engine: every job completes and the figures are real. */
class HarnessCeilingIT {

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void shouldCompleteEveryJobAndMeasureItsCpuWhenRunOverTheTransport(TransportKind transport)
      throws InterruptedException {
    // given
    HarnessCeiling ceiling = new HarnessCeiling(300);

    // when
    HarnessCeiling.Result result = ceiling.measure(transport);

    // then the run ended (it waits for all 300 jobs) and took time and CPU
    assertThat(result.transport()).isEqualTo(transport);
    assertThat(result.jobs()).isEqualTo(300);
    assertThat(result.measured().jobsPerSecond()).isPositive();
    assertThat(result.cpuMicrosPerJob()).isPositive();
    assertThat(result.warmup().jobsPerSecond()).isPositive();
  }

  @Test
  void shouldRefuseTheJobsWhenNotPositive() {
    // given
    int jobs = 0;
    // when / then
    assertThatThrownBy(() -> new HarnessCeiling(jobs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--jobs must be greater than 0, but was 0");
  }
}
