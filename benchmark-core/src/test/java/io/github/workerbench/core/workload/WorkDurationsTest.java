package io.github.workerbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkDurationsTest {

  @ParameterizedTest
  @CsvSource({"1, 0.5", "2, 0.5", "7, 0.3", "200, 0.25", "201, 1.0", "50, 0.0", "999, 0.1"})
  void shouldSumToExactlyCountTimesMeanWhenJittered(int count, double jitter) {
    // given
    Duration mean = Duration.ofMillis(500).plusNanos(3);

    // when
    List<Duration> durations = WorkDurations.balanced(count, mean, jitter, 42).all();

    // then
    long sum = durations.stream().mapToLong(Duration::toNanos).sum();
    assertThat(durations).hasSize(count);
    assertThat(sum).isEqualTo(count * mean.toNanos());
    long maxOffset = Math.round(jitter * mean.toNanos());
    assertThat(durations)
        .allSatisfy(
            d -> assertThat(Math.abs(d.toNanos() - mean.toNanos())).isLessThanOrEqualTo(maxOffset));
  }

  @Test
  void shouldSpreadDurationsWhenJitterIsPositive() {
    // when
    List<Duration> durations = WorkDurations.balanced(100, Duration.ofSeconds(1), 0.5, 42).all();

    // then
    assertThat(durations.stream().distinct().count()).isGreaterThan(50);
  }

  @Test
  void shouldRepeatTheSameOrderWhenSeedIsTheSame() {
    // when
    List<Duration> first = WorkDurations.balanced(31, Duration.ofMillis(100), 0.4, 7).all();
    List<Duration> second = WorkDurations.balanced(31, Duration.ofMillis(100), 0.4, 7).all();
    List<Duration> other = WorkDurations.balanced(31, Duration.ofMillis(100), 0.4, 8).all();

    // then
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldStartOverWhenMoreRunsThanJobs() {
    // given
    WorkDurations durations = WorkDurations.balanced(3, Duration.ofMillis(100), 0.5, 1);
    List<Duration> all = durations.all();

    // when
    List<Duration> taken =
        List.of(durations.next(), durations.next(), durations.next(), durations.next());

    // then
    assertThat(taken).containsExactly(all.get(0), all.get(1), all.get(2), all.get(0));
  }

  @Test
  void shouldRefuseJitterWhenOutsideUnitInterval() {
    assertThatThrownBy(() -> WorkDurations.balanced(3, Duration.ofMillis(1), 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jitter_pct");
  }
}
