package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandIT {

  @Test
  void shouldPrintTheFiguresAndWriteTheResultsWhenTheScenarioRuns(@TempDir Path dir)
      throws Exception {
    // given
    Path output = dir.resolve("results.json");
    // when
    BenchRun run =
        BenchRun.of(
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
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
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
