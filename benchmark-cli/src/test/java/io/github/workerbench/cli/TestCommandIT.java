package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCommandIT {

  @Test
  void shouldPrintTheFiguresAndWriteTheResultsWhenTheScenarioRuns(@TempDir Path dir)
      throws Exception {
    // given
    Path output = dir.resolve("results.json");
    StringWriter out = new StringWriter();
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out));
    // when
    int exitCode =
        commandLine.execute(
            "test",
            "--process_instances", "6",
            "--worker-strategy", "virtual",
            "--workload-type", "sleep",
            "--work-duration-seconds", "0.05",
            "--max-concurrent-jobs", "3",
            "--transport", "grpc-stream",
            "--engine", "embedded",
            "--engine-latency-ms", "5",
            "--output", output.toString());
    // then
    assertThat(exitCode).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("Efficiency:")
        .contains("Jobs completed:      6 / 6")
        .containsPattern("Efficiency: .*\\(why: [a-z_]+")
        .contains("Slot time:           working ")
        .contains("Why:                 ")
        .contains("Engine conditions:   5 ms")
        .containsPattern("Engine start-up:     \\d+\\.\\d{3} s \\(outside the measured window\\)");
    JsonNode file = new ObjectMapper().readTree(output.toFile());
    JsonNode result = file.get("results").get(0);
    assertThat(result.get("status").asText()).isEqualTo("success");
    assertThat(result.get("jobs_completed").asDouble()).isEqualTo(6);
    assertThat(result.has("jobs_per_second_avg")).isTrue();
    assertThat(result.get("resolved_strategy").asText()).isEqualTo("virtual");
    assertThat(result.get("diagnosis").get("cause").isTextual()).isTrue();
    assertThat(result.get("harness_bound").isBoolean()).isTrue();
    assertThat(result.get("engine_latency_ms").asLong()).isEqualTo(5);
    assertThat(file.get("engine_latency_ms").asLong()).isEqualTo(5);
  }
}
