package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.generator.Suite;
import io.github.workerbench.generator.SuiteGenerator;
import io.github.workerbench.model.scenario.ScenarioReader;
import io.github.workerbench.model.scenario.ScenarioWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void shouldWriteJsonCsvAndSummaryWhenGeneratingQuick() {
    // given
    Path json = folder.resolve("quick.json");
    Path csv = folder.resolve("quick.csv");

    // when
    int exit =
        execute(
            "generate", "--suite", "quick", "--output", json.toString(), "--csv", csv.toString());

    // then
    assertThat(exit).isZero();
    assertThat(json).hasContent(ScenarioWriter.toJson(SuiteGenerator.generate(Suite.QUICK)));
    assertThat(csv).hasContent(ScenarioWriter.toCsv(SuiteGenerator.generate(Suite.QUICK)));
    assertThat(ScenarioReader.read(json)).hasSize(11);
    assertThat(out.toString())
        .contains("Generated 11 scenarios (suite quick)", "quick_concurrency", "Estimated time");
  }

  @Test
  void shouldPrintNothingWhenQuiet() {
    // when
    int exit =
        execute(
            "generate",
            "--suite",
            "minimal",
            "--quiet",
            "--output",
            folder.resolve("m.json").toString());

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(folder.resolve("m.json")).exists();
  }

  @Test
  void shouldExit2WhenSuiteIsUnknown() {
    // when
    int exit =
        execute("generate", "--suite", "huge", "--output", folder.resolve("h.json").toString());

    // then
    assertThat(exit).isEqualTo(BenchCli.EXIT_BAD_INPUT);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "bench generate: --suite: unknown suite 'huge', expected one of minimal, quick, fast,"
                + " full, extended");
    assertThat(folder.resolve("h.json")).doesNotExist();
  }
}
