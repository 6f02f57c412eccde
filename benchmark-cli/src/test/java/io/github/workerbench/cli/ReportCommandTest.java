package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

  private static final String CURRENT =
      "{\"results\":[{\"name\":\"s1\",\"phase\":\"1_baseline\",\"strategy\":\"async\","
          + "\"workload_type\":\"cpu\",\"status\":\"success\",\"jobs_per_second\":%s}]}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintTheSummaryAndWriteReportsWhenGivenAResultsFile() throws IOException {
    // given
    Path results = Files.writeString(dir.resolve("results.json"), CURRENT.formatted("2.5"));
    Path html = dir.resolve("report.html");
    Path csv = dir.resolve("report.csv");

    // when
    int exit = run("report", results.toString(), "--html", html.toString(), "--csv", csv.toString());

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("BENCHMARK SUMMARY", "== Key questions ==", "s1");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(csv)).startsWith("name,phase,strategy");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoWithOneLineWhenTheResultsFileIsMissing() {
    // given
    Path missing = dir.resolve("missing.json");

    // when
    int exit = run("report", missing.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains(missing.toString());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoWhenTheBaselineIsNotJson() throws IOException {
    // given
    Path results = Files.writeString(dir.resolve("results.json"), CURRENT.formatted("2.5"));
    Path baseline = Files.writeString(dir.resolve("old.json"), "not json");

    // when
    int exit = run("report", results.toString(), "--baseline", baseline.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("old.json");
  }

  @Test
  void shouldExitOneWhenAScenarioRegressedPastTheThreshold() throws IOException {
    // given: 10 -> 8.5 is -15%
    Path results = Files.writeString(dir.resolve("results.json"), CURRENT.formatted("8.5"));
    Path baseline = Files.writeString(dir.resolve("old.json"), CURRENT.formatted("10"));

    // when
    int exit = run("report", results.toString(), "--baseline", baseline.toString());

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("Gate: FAIL");
  }

  @Test
  void shouldExitZeroWhenTheDropStaysWithinAWiderThreshold() throws IOException {
    // given
    Path results = Files.writeString(dir.resolve("results.json"), CURRENT.formatted("8.5"));
    Path baseline = Files.writeString(dir.resolve("old.json"), CURRENT.formatted("10"));

    // when
    int exit =
        run("report", results.toString(), "--baseline", baseline.toString(), "--max-regression", "20");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Gate: PASS");
  }

  @Test
  void shouldExitTwoWhenTheThresholdIsNegative() throws IOException {
    // given
    Path results = Files.writeString(dir.resolve("results.json"), CURRENT.formatted("8.5"));

    // when
    int exit = run("report", results.toString(), "--max-regression", "-5");

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--max-regression");
  }

  private int run(String... args) {
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
