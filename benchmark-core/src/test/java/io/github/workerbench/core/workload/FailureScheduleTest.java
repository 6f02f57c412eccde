package io.github.workerbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FailureScheduleTest {

  @Test
  void shouldFailTheSameRunsWhenSeedIsTheSame() {
    // given
    FailureSchedule first = FailureSchedule.of(0.3, 99);
    FailureSchedule second = FailureSchedule.of(0.3, 99);

    // when / then
    for (int run = 0; run < 1000; run++) {
      assertThat(second.nextRunFails()).isEqualTo(first.nextRunFails());
    }
  }

  @Test
  void shouldFailAboutTheRateWhenManyRuns() {
    // given
    FailureSchedule schedule = FailureSchedule.of(0.1, FailureSchedule.DEFAULT_SEED);

    // when
    long failures = LongStream.range(0, 20_000).filter(schedule::failsAt).count();

    // then
    assertThat(failures).isBetween(1_800L, 2_200L);
  }

  @Test
  void shouldDifferWhenSeedsDiffer() {
    // given
    FailureSchedule first = FailureSchedule.of(0.5, 1);
    FailureSchedule second = FailureSchedule.of(0.5, 2);

    // when
    long differing = LongStream.range(0, 200).filter(i -> first.failsAt(i) != second.failsAt(i)).count();

    // then
    assertThat(differing).isPositive();
  }

  @Test
  void shouldNeverOrAlwaysFailWhenRateIsZeroOrOne() {
    assertThat(LongStream.range(0, 1000).anyMatch(FailureSchedule.none()::failsAt)).isFalse();
    assertThat(LongStream.range(0, 1000).allMatch(FailureSchedule.of(1, 3)::failsAt)).isTrue();
  }
}
