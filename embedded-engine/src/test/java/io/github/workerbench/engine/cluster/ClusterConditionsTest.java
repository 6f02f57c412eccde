package io.github.workerbench.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterConditionsTest {

  @Test
  void shouldRefuseInvalidConditionsNamingTheValue() {
    assertThatThrownBy(() -> new ClusterConditions(5, 6, 0))
        .hasMessageContaining("jitter")
        .hasMessageContaining("6 ms");
    assertThatThrownBy(() -> new ClusterConditions(-1, 0, 0)).hasMessageContaining("latency");
    assertThatThrownBy(() -> new ClusterConditions(0, 0, -2)).hasMessageContaining("in-flight");
  }

  @Test
  void shouldDrawEveryDelayWithinTheJitterWhenTheLatencyHasOne() {
    // given
    try (SimulatedCluster cluster = new SimulatedCluster(new ClusterConditions(25, 5, 0))) {
      // when / then
      for (int i = 0; i < 1_000; i++) {
        assertThat(cluster.nextDelayNanos()).isBetween(20_000_000L, 30_000_000L);
      }
    }
  }

  @Test
  void shouldAdmitNeverRefusedCommandsBeyondTheLimitWhenItIsReached() {
    // given
    try (SimulatedCluster cluster = new SimulatedCluster(new ClusterConditions(0, 0, 1))) {
      // when
      boolean first = cluster.admit(false);
      boolean second = cluster.admit(false);
      boolean completion = cluster.admit(true);
      // then the completion counts in flight but is never refused
      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(completion).isTrue();
      assertThat(cluster.inFlight()).isEqualTo(2);
      assertThat(cluster.refusals()).isEqualTo(1);
      cluster.release();
      cluster.release();
      assertThat(cluster.admit(false)).isTrue();
    }
  }

  @Test
  void shouldChangeNothingWhenThereAreNoConditions() {
    assertThat(ClusterConditions.none().active()).isFalse();
    assertThat(new SimulatedCluster(ClusterConditions.none()).nextDelayNanos()).isZero();
  }
}
