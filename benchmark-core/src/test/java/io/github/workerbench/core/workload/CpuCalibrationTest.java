package io.github.workerbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CpuCalibrationTest {

  @Test
  void shouldMeasureAPlausibleRateOnceWhenAskedTwice() {
    // given
    CpuCalibration calibration = CpuCalibration.lazy();

    // when
    double first = calibration.iterationsPerSecond();
    Duration measuring = calibration.measuringTime();
    double second = calibration.iterationsPerSecond();

    // then: any core runs more than a million xorshift rounds a second, and fewer than 1e12
    assertThat(first).isFinite().isBetween(1e6, 1e12);
    assertThat(second).isEqualTo(first);
    assertThat(calibration.measuringTime()).isEqualTo(measuring).isPositive();
  }

  @Test
  void shouldAnswerIterationsWithoutTakingTheLockWhenAlreadyMeasured() {
    // given: a measured rate, and the calibration's lock held elsewhere (as while measuring);
    // every CPU job asks for its iterations, so that must not queue jobs on one monitor
    CpuCalibration calibration = CpuCalibration.fixed(1_000_000);
    CompletableFuture<Long> iterations;

    synchronized (calibration) {
      // when
      iterations =
          CompletableFuture.supplyAsync(() -> calibration.iterationsFor(Duration.ofMillis(5)));

      // then
      await("a CPU job to get its iterations while the lock is held")
          .atMost(Duration.ofSeconds(5))
          .until(iterations::isDone);
    }
    assertThat(iterations.join()).isEqualTo(5_000);
  }

  @Test
  void shouldGrowIterationsWithDurationWhenCalibrated() {
    // given
    CpuCalibration calibration = CpuCalibration.fixed(1_000_000);

    // when
    long tenMillis = calibration.iterationsFor(Duration.ofMillis(10));
    long twentyMillis = calibration.iterationsFor(Duration.ofMillis(20));

    // then
    assertThat(tenMillis).isEqualTo(10_000);
    assertThat(twentyMillis).isEqualTo(2 * tenMillis);
    assertThat(calibration.iterationsFor(Duration.ZERO)).isEqualTo(1);
  }

  @Test
  void shouldKeepMeasuredIterationsMonotonicWhenDurationsGrow() {
    // given
    CpuCalibration calibration = CpuCalibration.lazy();

    // when
    long previous = 0;
    for (int millis = 1; millis <= 64; millis *= 2) {
      long iterations = calibration.iterationsFor(Duration.ofMillis(millis));

      // then
      assertThat(iterations).isGreaterThan(previous);
      previous = iterations;
    }
  }

  @Test
  void shouldRefuseRateWhenNotPositive() {
    assertThatThrownBy(() -> CpuCalibration.fixed(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("greater than 0");
    assertThatThrownBy(() -> CpuCalibration.fixed(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldComputeTheSameStateWhenSpinningTheSameIterations() {
    // when / then: the kernel is deterministic and depends on the count, so it cannot be skipped
    assertThat(CpuWorkload.spin(1000)).isEqualTo(CpuWorkload.spin(1000));
    assertThat(CpuWorkload.spin(1000)).isNotEqualTo(CpuWorkload.spin(1001));
  }
}
