package io.github.workerbench.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricSummaryTest {

  @Test
  void shouldMatchHandComputedFiguresWhenThreeRepeatsRan() {
    // given: mean 5, squared deviations 9 + 1 + 16 = 26, sample variance 26 / 2 = 13
    double[] values = {2, 4, 9};

    // when
    MetricSummary summary = MetricSummary.of(values);

    // then: std = sqrt(13) = 3.60555; ci95 = t(0.975, 2 df) 4.303 × 3.60555 / sqrt(3) = 8.95741
    assertThat(summary.avg()).isEqualTo(5.0);
    assertThat(summary.min()).isEqualTo(2.0);
    assertThat(summary.max()).isEqualTo(9.0);
    assertThat(summary.std()).isCloseTo(3.60555, within(1e-5));
    assertThat(summary.ci95()).isCloseTo(8.95741, within(1e-5));
  }

  @Test
  void shouldReportNoSpreadWhenOneRepeatRan() {
    // when
    MetricSummary summary = MetricSummary.of(7.5);

    // then
    assertThat(summary).isEqualTo(new MetricSummary(7.5, 7.5, 7.5, 0, 0));
  }

  @Test
  void shouldUseTheNormalQuantileWhenThereAreMoreThanThirtyDegreesOfFreedom() {
    // given: 32 values alternating 0 and 2: mean 1, squared deviations 32 × 1, variance 32 / 31
    double[] values = new double[32];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? 0 : 2;
    }

    // when
    MetricSummary summary = MetricSummary.of(values);

    // then: ci95 = 1.960 × sqrt(32 / 31) / sqrt(32) = 1.960 / sqrt(31) = 0.35203
    assertThat(summary.std()).isCloseTo(Math.sqrt(32.0 / 31), within(1e-12));
    assertThat(summary.ci95()).isCloseTo(0.35203, within(1e-5));
  }

  @Test
  void shouldRefuseWhenThereAreNoValues() {
    // when / then
    assertThatThrownBy(MetricSummary::of)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one value");
  }
}
