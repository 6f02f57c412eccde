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
}
