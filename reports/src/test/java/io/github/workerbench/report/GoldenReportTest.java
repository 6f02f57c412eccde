package io.github.workerbench.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoldenReportTest {

  @Test
  void shouldPrintGoldenSummaryWhenResultsAreOurs() {
    // given
    ResultsData data = Fixtures.full();

    // when
    String summary = summary(data);

    // then
    Fixtures.assertMatchesGolden(summary, "full_summary.txt");
  }

  @Test
  void shouldPrintGoldenSummaryWhenResultsComeFromTheSeedRunner() {
    // given
    ResultsData data = Fixtures.seed();

    // when
    String summary = summary(data);

    // then
    Fixtures.assertMatchesGolden(summary, "seed_summary.txt");
  }

  @Test
  void shouldWriteGoldenCsvWhenResultsAreOurs() {
    // given
    ResultsData data = Fixtures.full();

    // when
    String csv = CsvReport.render(data);

    // then
    Fixtures.assertMatchesGolden(csv, "full_results.csv");
  }

  @Test
  void shouldWriteGoldenCsvWhenResultsComeFromTheSeedRunner() {
    // given
    ResultsData data = Fixtures.seed();

    // when
    String csv = CsvReport.render(data);

    // then
    Fixtures.assertMatchesGolden(csv, "seed_results.csv");
  }

  private static String summary(ResultsData data) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Reports.consoleSummary(data, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
