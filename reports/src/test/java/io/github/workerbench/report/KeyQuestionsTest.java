package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyQuestionsTest {

  private final List<KeyAnswer> full = KeyQuestions.answer(Fixtures.full());
  private final List<KeyAnswer> seed = KeyQuestions.answer(Fixtures.seed());

  @Test
  void shouldNameThreadFastestOnCpuWhenItWinsEverySharedCondition() {
    // given: cpu n=10: thread 1.95, auto 1.90, async 0.98; cpu n=20 d=2: thread 0.95, async 0.49
    KeyAnswer answer = full.get(0);

    // then: shares of the condition's best: thread 1, auto 1.90/1.95, async (0.98/1.95+0.49/0.95)/2
    assertThat(answer.answer())
        .startsWith("thread is fastest on cpu work: it wins 2 of 2 shared conditions")
        .contains("100.0%", "auto 97.4%", "async 50.9%");
    assertThat(answer.basis()).containsExactly("1_baseline", "2_workload_types");
    assertThat(answer.missingPhases()).isEmpty();
  }

  @Test
  void shouldGiveEachStrategysKneeWhenPhaseThreeIsPresent() {
    // given
    KeyAnswer answer = full.get(2);

    // then
    assertThat(answer.answer()).isEqualTo("Knee per strategy: async c=10, thread c=10.");
    assertThat(answer.evidence())
        .containsExactly(
            "async: knee at c=10 with 9.00 jobs/s = 90.0% of its best 10.00 jobs/s at c=20",
            "thread: knee at c=10 with 9.50 jobs/s = 95.0% of its best 10.00 jobs/s at c=20");
  }

  @Test
  void shouldDescribeTheScalingWithEfficiencyWhenPhaseThreeIsPresent() {
    // given
    KeyAnswer answer = full.get(1);

    // then
    assertThat(answer.answer()).contains("async x10.0 from c=1 to its best at c=20 (10.00 jobs/s)");
    assertThat(answer.evidence().get(0))
        .isEqualTo(
            "async: c=1 1.00 jobs/s (eff 100.0%), c=5 4.00 jobs/s (eff 80.0%), c=10 9.00 jobs/s"
                + " (eff 90.0%), c=20 10.00 jobs/s (eff 50.0%)");
  }

  @Test
  void shouldCompareIoStrategiesWhenPhasesTwoAndSixArePresent() {
    // given: io n=20: async 4.8 thread 4.0; c=1: async .99 thread .98; c=10: virtual 9.6 async 9.4
    // thread 9.0. Shares: async (1 + 1 + 9.4/9.6)/3 = 0.9931, thread (4/4.8 + .98/.99 + 9/9.6)/3
    KeyAnswer answer = full.get(3);

    // then: virtual ran one condition and won it
    assertThat(answer.answer())
        .startsWith("virtual is fastest on io work: it wins 1 of 3 shared conditions")
        .contains("async 99.3%", "thread 92.0%");
    assertThat(answer.evidence())
        .contains(
            "io n=30 c=10 d=1s: async 9.40 jobs/s (eff 94.0%) vs thread 9.00 jobs/s (eff 90.0%)"
                + " vs virtual 9.60 jobs/s (eff 96.0%) -> virtual by 2.1%");
  }

  /** One io result of phase 2 as our files write it, with its diagnosis's cause. */
  private static String ioResult(String strategy, double jobsPerSecond, double efficiency, String cause) {
    return """
        {"name": "workload_%1$s_io", "phase": "2_workload_types", "strategy": "%1$s",
         "workload_type": "io", "num_instances": 100, "work_duration": 0.5,
         "max_concurrent_jobs": 10, "status": "success", "jobs_per_second_avg": %2$s,
         "efficiency_avg": %3$s, "harness_bound": false,
         "diagnosis": {"working": 0.6, "awaiting_activation": 0.3, "awaiting_start": 0.05,
           "awaiting_completion": 0.03, "other": 0.02, "cause": "%4$s", "advice": "..."}}
        """.formatted(strategy, jobsPerSecond, efficiency, cause);
  }

  @Test
  void shouldCallTheComparisonConfoundedWhenOnlyTheLoserWaitedForTheJobWorkersRefill() {
    // given the measured case: n=100, c=10, d=0.5 io under the JobWorker at
    // max_jobs_active = c; thread 0.67 held back by the refill threshold, async 0.97
    ResultsData data =
        ResultsReader.parse(
            "{\"results\": [" + ioResult("async", 19.4, 0.97, "none") + ","
                + ioResult("thread", 13.4, 0.67, "refill_threshold") + "]}",
            "confounded.json");

    // when
    KeyAnswer answer = KeyQuestions.answer(data).get(3);

    // then
    assertThat(answer.answer())
        .startsWith("async is fastest on io work")
        .contains(
            "Confounded: thread (refill_threshold in 1 of 1 diagnosed results) is held back by a cause"
                + " outside the execution model that async did not meet, so this gap is not the"
                + " strategies' own.")
        .contains("raise max_jobs_active");
    assertThat(answer.evidence()).contains("thread: why refill_threshold x1", "async: why none x1");
  }

  @Test
  void shouldNotCallTheComparisonConfoundedWhenBothStrategiesShareTheCause() {
    // given
    ResultsData data =
        ResultsReader.parse(
            "{\"results\": [" + ioResult("async", 14.0, 0.70, "refill_threshold") + ","
                + ioResult("thread", 13.4, 0.67, "refill_threshold") + "]}",
            "shared.json");

    // when
    KeyAnswer answer = KeyQuestions.answer(data).get(3);

    // then
    assertThat(answer.answer()).doesNotContain("Confounded");
  }

  @Test
  void shouldPutMassiveLoadFirstWhenAnsweringExtremeLoad() {
    // given
    KeyAnswer answer = full.get(4);

    // then
    assertThat(answer.answer())
        .isEqualTo(
            "edge_massive_load (500 jobs, c=50, auto): success at 3.80 jobs/s, efficiency 95.0%."
                + " 2 of 2 edge cases succeeded.");
    assertThat(answer.evidence().get(0)).startsWith("edge_massive_load: success, 500/500 jobs");
  }

  @Test
  void shouldReportErrorsHangsAndFailedJobsWhenPhaseEightHasThem() {
    // given
    KeyAnswer answer = full.get(5);

    // then
    assertThat(answer.answer())
        .isEqualTo("Yes: 1 of 2 results show problems (subprocess_threaded_thread_c5).");
    assertThat(answer.evidence().get(1))
        .startsWith("subprocess_threaded_thread_c5: failed (timed out")
        .contains("hang: 18 of 20 jobs completed", "2 failed jobs");
    assertThat(answer.evidence().get(0)).startsWith("subprocess_threaded_async_c5: no problem");
  }

  @Test
  void shouldNameTheMissingPhasesWhenTheQuickSuiteRan() {
    // then
    assertThat(seed.get(0).answer()).endsWith("(Phase 2_workload_types missing.)");
    assertThat(seed.get(0).missingPhases()).containsExactly("2_workload_types");
    assertThat(seed.get(4).answer()).isEqualTo("Not answered: the results lack phase 7_edge_cases.");
    assertThat(seed.get(5).answer())
        .isEqualTo("Not answered: the results lack phase 8_subprocess_threading.");
    assertThat(seed.get(4).answered()).isFalse();
  }

  @Test
  void shouldFallBackToQuickConcurrencyAndSayWhenPhaseThreeIsMissing() {
    // given: async 0.96, 0.97, 0.97 -> knee c=1; thread 0.95, 1.20, 1.25 -> 1.125 needed -> c=10
    KeyAnswer answer = seed.get(2);

    // then
    assertThat(answer.answer())
        .isEqualTo(
            "Knee per strategy: async c=1, thread c=10. (From quick_concurrency, as"
                + " 3_concurrency_scaling is missing.)");
    assertThat(answer.basis()).containsExactly("quick_concurrency");
    assertThat(answer.missingPhases()).containsExactly("3_concurrency_scaling");
  }

  @Test
  void shouldFallBackToQuickWorkloadAndSayWhenNoIoPhaseIsPresent() {
    // given
    KeyAnswer answer = seed.get(3);

    // then
    assertThat(answer.answer())
        .isEqualTo(
            "Only async was measured on io work: 9.10 jobs/s (eff 90.9%); nothing to compare."
                + " (From quick_workload, as 2_workload_types and 6_interactions are missing.)");
  }

  @Test
  void shouldNameEveryMissingPhaseWhenTheResultsAreEmpty() {
    // given
    List<KeyAnswer> answers = KeyQuestions.answer(ResultsReader.parse("{\"results\":[]}", "e"));

    // then
    assertThat(answers).extracting(KeyAnswer::answer)
        .containsExactly(
            "Not answered: the results lack phase 1_baseline and 2_workload_types.",
            "Not answered: the results lack phase 3_concurrency_scaling.",
            "Not answered: the results lack phase 3_concurrency_scaling.",
            "Not answered: the results lack phase 2_workload_types and 6_interactions.",
            "Not answered: the results lack phase 7_edge_cases.",
            "Not answered: the results lack phase 8_subprocess_threading.");
  }

  @Test
  void shouldSayWhenEdgeMassiveLoadIsNotAmongTheEdgeCases() {
    // given
    ResultsData data =
        ResultsReader.parse(
            """
            {"results": [{"name": "edge_single_job", "phase": "7_edge_cases", "strategy": "async",
              "num_instances": 1, "max_concurrent_jobs": 1, "status": "success",
              "jobs_per_second": 0.9}]}
            """,
            "inline");

    // when
    KeyAnswer answer = KeyQuestions.answer(data).get(4);

    // then
    assertThat(answer.answer())
        .isEqualTo("edge_massive_load is not in the results. 1 of 1 edge cases succeeded.");
  }
}
