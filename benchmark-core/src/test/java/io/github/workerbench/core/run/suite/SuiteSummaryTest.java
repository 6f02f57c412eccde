package io.github.workerbench.core.run.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteSummaryTest {

  private static ObjectNode result(
      String name,
      String phase,
      String strategy,
      String workload,
      String status,
      double jobsPerSecond) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name)
        .put("phase", phase)
        .put("strategy", strategy)
        .put("workload_type", workload)
        .put("status", status)
        .put("jobs_per_second_avg", jobsPerSecond);
    return node;
  }

  @Test
  void shouldGroupRankAndCompareWhenSummarizingResults() {
    // given
    List<ObjectNode> results =
        List.of(
            result("a_cpu", "1_baseline", "async", "cpu", "success", 1.0),
            result("t_cpu", "1_baseline", "thread", "cpu", "success", 4.0),
            result("a_io", "2_workload_types", "async", "io", "success", 9.5),
            result("t_io", "2_workload_types", "thread", "io", "failed", 0));

    // when
    String summary = SuiteSummary.render(results, Duration.ofSeconds(3723));

    // then
    assertThat(summary)
        .isEqualTo(
            """
            Summary
            By phase:
              1_baseline                     2 scenarios,   2 succeeded,   0 not
              2_workload_types               2 scenarios,   1 succeeded,   1 not
            Top performers (jobs/s):
              1. a_io                                 async          9.50
              2. t_cpu                                thread         4.00
              3. a_cpu                                async          1.00
            Strategies head to head by workload (mean jobs/s):
              cpu                  best thread   (async 1.00, thread 4.00)
              io                   best async    (async 9.50)
            Failed scenarios: t_io (failed)
            Total time: 1 h 02 min 03 s
            """);
  }
}
