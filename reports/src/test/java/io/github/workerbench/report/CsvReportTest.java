package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvReportTest {

  @Test
  void shouldTakeTheUnionOfFieldsInFirstSeenOrderWhenResultsDiffer() {
    // given
    ResultsData data =
        ResultsReader.parse(
            """
            {"results": [
              {"name": "a", "strategy": "async", "jobs_per_second": 2.5},
              {"name": "b", "strategy": "thread", "extra": "x", "jobs_per_second": 3}
            ]}
            """,
            "inline");

    // when
    String csv = CsvReport.render(data);

    // then
    assertThat(csv).isEqualTo("name,strategy,jobs_per_second,extra\na,async,2.5,\nb,thread,3,x\n");
  }

  @Test
  void shouldQuoteCellsWhenTheyHoldCommasQuotesOrNestedValues() {
    // given
    ResultsData data =
        ResultsReader.parse(
            """
            {"results": [
              {"name": "a", "error": "said \\"no\\", twice", "warnings": ["w1", "w2"]}
            ]}
            """,
            "inline");

    // when
    String csv = CsvReport.render(data);

    // then
    assertThat(csv)
        .isEqualTo("name,error,warnings\na,\"said \"\"no\"\", twice\",\"[\"\"w1\"\",\"\"w2\"\"]\"\n");
  }

  @Test
  void shouldWriteOneRowPerResultWhenGivenTheFullFixture() {
    // given
    ResultsData data = Fixtures.full();

    // when
    String[] lines = CsvReport.render(data).split("\n");

    // then
    assertThat(lines).hasSize(data.rows().size() + 1);
    assertThat(lines[0]).startsWith("name,num_instances,strategy,workload_type,work_duration,");
    assertThat(lines[0]).contains(",jobs_per_second_ci95,", ",latency_p99_ms,", ",repeat_results");
  }
}
