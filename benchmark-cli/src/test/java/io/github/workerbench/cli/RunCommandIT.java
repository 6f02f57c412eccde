package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench run} end to end: the minimal suite on the embedded engine, real worker. */
class RunCommandIT {

  @TempDir Path folder;

  @Test
  void shouldRunTheMinimalSuiteAndWriteResultsAndReportWhenTheEngineIsEmbedded()
      throws IOException {
    // given
    Path results = folder.resolve("results.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));

    // when
    int exit =
        commandLine.execute(
            "run", "--suite", "minimal", "--duration-scale", "0.2", "--output", results.toString());

    // then
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("failed_count").asInt()).isZero();
    assertThat(root.get("results")).hasSize(3);
    for (JsonNode result : root.get("results")) {
      assertThat(result.get("status").asText()).isEqualTo("success");
      assertThat(result.get("jobs_completed").asDouble())
          .isEqualTo(result.get("expected_jobs").asDouble());
      assertThat(result.get("peak_in_flight_max").asDouble())
          .isLessThanOrEqualTo(result.get("max_concurrent_jobs").asDouble());
    }
    assertThat(out.toString()).contains("Results by phase", "smoke_auto", "Report: ");
    assertThat(RunCommand.htmlBeside(results)).isNotEmptyFile();
  }
}
