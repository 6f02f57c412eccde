package io.github.workerbench.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdealTimeTest {

  @Test
  void shouldFollowTheDocumentedFormulasWhenComputingIdealTime() {
    // time-bound: ceil(n / min(c, n)) x d
    assertThat(IdealTime.seconds(StrategyKind.ASYNC, WorkloadKind.IO, 25, 10, 2.0, 2))
        .isEqualTo(6.0);
    // subprocess_threaded: d becomes 3 x d / 10
    assertThat(
            IdealTime.seconds(StrategyKind.THREAD, WorkloadKind.SUBPROCESS_THREADED, 20, 5, 1.0, 2))
        .isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    // cpu under async: n x d
    assertThat(IdealTime.seconds(StrategyKind.ASYNC, WorkloadKind.CPU, 10, 10, 1.0, 8))
        .isEqualTo(10.0);
    // cpu under a parallel strategy: ceil(n / min(c, n, cores)) x d
    assertThat(IdealTime.seconds(StrategyKind.THREAD, WorkloadKind.CPU, 10, 10, 1.0, 4))
        .isEqualTo(3.0);
    assertThat(IdealTime.seconds(StrategyKind.AUTO, WorkloadKind.CPU, 3, 10, 1.0, 8))
        .isEqualTo(1.0);
  }
}
