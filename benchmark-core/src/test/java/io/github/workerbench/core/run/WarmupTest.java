package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  }

  @Test
  void shouldSendTheStandardJobsWhenStandard() {
    // given
    Warmup standard = Warmup.standard();
    // when
    boolean enabled = standard.enabled();
    // then
    assertThat(enabled).isTrue();
    assertThat(standard.jobs()).isEqualTo(Warmup.STANDARD_JOBS);
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
}
