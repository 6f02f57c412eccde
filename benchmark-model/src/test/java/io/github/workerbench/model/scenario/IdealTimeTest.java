package io.github.workerbench.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdealTimeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # why                                                  | strategy | workload            | n   | c  | d   | cores | ideal
          # time-bound work runs c jobs side by side: ceil(200/20) = 10 rounds of 0.5 s
          time-bound io work runs c jobs side by side           | ASYNC    | IO                  | 200 | 20 | 0.5 | 2     | 5.0
          time-bound subprocess work runs c jobs side by side   | ASYNC    | SUBPROCESS          | 200 | 20 | 0.5 | 2     | 5.0
          time-bound sleep work runs c jobs side by side        | ASYNC    | SLEEP               | 200 | 20 | 0.5 | 2     | 5.0
          # ceil(21/10) = 3 rounds
          the last partial round is rounded up                  | THREAD   | SLEEP               | 21  | 10 | 1.0 | 8     | 3.0
          # one round
          n is the width when c is larger than n                | VIRTUAL  | IO                  | 5   | 50 | 0.2 | 2     | 0.2
          # 20 × 0.5
          cpu work on the event loop serializes every job       | ASYNC    | CPU                 | 20  | 10 | 0.5 | 8     | 10.0
          # ceil(20/2) = 10 rounds
          cpu work under thread is bound by the cores           | THREAD   | CPU                 | 20  | 10 | 0.5 | 2     | 5.0
          cpu work under virtual is bound by the cores          | VIRTUAL  | CPU                 | 20  | 10 | 0.5 | 2     | 5.0
          cpu work under process is bound by the cores          | PROCESS  | CPU                 | 20  | 10 | 0.5 | 2     | 5.0
          cpu work under auto is bound by the cores             | AUTO     | CPU                 | 20  | 10 | 0.5 | 2     | 5.0
          # ceil(20/4) = 5 rounds
          cpu work is bound by c with more cores than slots     | THREAD   | CPU                 | 20  | 4  | 0.5 | 16    | 2.5
          # 2 rounds of 3 × 0.1 s
          threaded subprocess work counts only the sleeping     | THREAD   | SUBPROCESS_THREADED | 10  | 5  | 1.0 | 2     | 0.6
          """)
  void shouldTakeTheIdealTimeOfTheRoundsWhenTheWorkIsBoundByItsKind(
      String why,
      StrategyKind strategy,
      WorkloadKind workload,
      int n,
      int c,
      double d,
      int cores,
      double expected) {
    // when
    double ideal = IdealTime.seconds(strategy, workload, n, c, d, cores);
    // then
    assertThat(ideal).isCloseTo(expected, within(1e-9));
  }

  @Test
  void shouldMultiplyPerRepeatByRepeatsWhenAskedForAllRepeats() {
    // given n=20, c=5, d=1 sleep, 3 repeats: 4 s each
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name("ideal")
                .numInstances(20)
                .strategy(StrategyKind.THREAD)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(1.0)
                .maxConcurrentJobs(5)
                .repeats(3)
                .timeout(60)
                .jobTimeoutMs(60_000)
                .phase("p")
                .build());
    // when / then
    assertThat(IdealTime.perRepeat(plan, 2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(IdealTime.allRepeats(plan, 2)).isEqualTo(Duration.ofSeconds(12));
  }
}
