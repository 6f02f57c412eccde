package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KneeTest {

  /** The knee of a strategy's runs in the full fixture's concurrency phase. */
  private static Knee fullFixtureKnee(String strategy) {
    return Knee.perStrategy(Fixtures.full().phase("3_concurrency_scaling")).get(strategy);
  }

  @Test
  void shouldTakeTheConcurrencyAtExactlyNinetyPercentWhenOneReachesIt() {
    // given: async in the fixture: c=1 1.0, c=5 4.0, c=10 9.0, c=20 10.0 -> 9.0 is exactly 90%
    // when
    Knee knee = fullFixtureKnee("async");

    // then
    assertThat(knee.concurrency()).isEqualTo(10);
    assertThat(knee.jobsPerSecond()).isEqualTo(9.0);
    assertThat(knee.bestConcurrency()).isEqualTo(20);
    assertThat(knee.bestJobsPerSecond()).isEqualTo(10.0);
  }

  @Test
  void shouldSkipAConcurrencyJustBelowNinetyPercentWhenLookingForTheKnee() {
    // given: thread: c=5 8.99 (89.9%), c=10 9.5, c=20 10.0
    // when
    Knee knee = fullFixtureKnee("thread");

    // then
    assertThat(knee.concurrency()).isEqualTo(10);
    assertThat(knee.shareOfBest()).isEqualTo(0.95);
  }

  @Test
  void shouldAverageResultsWhenTheyShareAConcurrency() {
    // given: c=1 twice (2 and 4 -> 3), c=2 once (3.5): 90% of 3.5 = 3.15 > 3
    List<ReportRow> rows =
        ResultsReader.parse(
                """
                {"results": [
                  {"name": "a", "strategy": "s", "max_concurrent_jobs": 1, "jobs_per_second": 2},
                  {"name": "b", "strategy": "s", "max_concurrent_jobs": 1, "jobs_per_second": 4},
                  {"name": "c", "strategy": "s", "max_concurrent_jobs": 2, "jobs_per_second": 3.5},
                  {"name": "d", "strategy": "s", "max_concurrent_jobs": 4, "status": "failed",
                   "jobs_per_second": 99}
                ]}
                """,
                "inline")
            .rows();

    // when
    Map<String, Knee> knees = Knee.perStrategy(rows);

    // then: the failed c=4 does not count
    assertThat(knees.get("s").curve()).containsExactly(Map.entry(1, 3.0), Map.entry(2, 3.5));
    assertThat(knees.get("s").concurrency()).isEqualTo(2);
  }

  @Test
  void shouldFindNoKneeWhenNoResultWasMeasured() {
    // given
    List<ReportRow> rows =
        ResultsReader.parse(
                "{\"results\":[{\"name\":\"a\",\"strategy\":\"s\",\"status\":\"failed\"}]}", "x")
            .rows();

    // when / then
    assertThat(Knee.perStrategy(rows)).isEmpty();
  }
}
