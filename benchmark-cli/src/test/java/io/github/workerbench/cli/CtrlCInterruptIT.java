package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code bench test} and {@code bench benchmark} in a child JVM: the running scenario
 * stops, is recorded as interrupted (and saved with {@code --output}), nothing further runs, and
 * the exit code is 130.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CtrlCInterruptIT {

  @TempDir Path folder;

  @Test
  void shouldSaveTheScenarioAsInterruptedAndExit130WhenTestGetsSigint() throws Exception {
    // given a test of 100 jobs of 0.2 s one at a time: 20 s of work
    Path results = folder.resolve("results.json");
    try (ChildBench child =
        ChildBench.start(
            Map.of(),
            "test",
            "--engine", "embedded",
            "--worker-strategy", "thread",
            "--workload-type", "sleep",
            "--work-duration-seconds", "0.2",
            "--process-instances", "100",
            "--max-concurrent-jobs", "1",
            "--output", results.toString())) {
      await("the scenario to start")
          .atMost(Duration.ofSeconds(60))
          .failFast("the child exited early", () -> !child.process().isAlive())
          .until(() -> child.stdout().contains("Running test:"));

      // when
      child.interrupt();

      // then
      int exit = child.awaitExit(Duration.ofSeconds(60));
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(StopOnCtrlC.EXIT_INTERRUPTED);
      assertThat(child.stdout()).contains("Status:              interrupted");
      JsonNode result = new ObjectMapper().readTree(results.toFile()).get("results").get(0);
      assertThat(result.get("status").asText()).isEqualTo("interrupted");
      assertThat(result.get("jobs_completed").asInt()).isLessThan(100);
    }
  }

  @Test
  void shouldStopAtTheRunningScenarioAndExit130WhenBenchmarkGetsSigint() throws Exception {
    // given the five-strategy comparison, each of 100 jobs of 0.2 s one at a time
    try (ChildBench child =
        ChildBench.start(
            Map.of(),
            "benchmark",
            "--engine", "embedded",
            "--work-duration-seconds", "0.2",
            "--process-instances", "100",
            "--max-concurrent-jobs", "1")) {
      await("the first scenario to start")
          .atMost(Duration.ofSeconds(60))
          .failFast("the child exited early", () -> !child.process().isAlive())
          .until(() -> child.stdout().contains("Running benchmark_"));

      // when
      child.interrupt();

      // then only the first scenario ran, shown as interrupted in the table
      int exit = child.awaitExit(Duration.ofSeconds(60));
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(StopOnCtrlC.EXIT_INTERRUPTED);
      assertThat(child.stdout().lines().filter(line -> line.startsWith("Running ")))
          .hasSize(1);
      assertThat(child.stdout()).contains("=== Strategies on cpu ===").contains("interrupted");
    }
  }
}
