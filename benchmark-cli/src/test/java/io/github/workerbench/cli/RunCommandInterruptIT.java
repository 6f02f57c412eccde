package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a running suite: the scenario is recorded interrupted, saved, and the exit is 130. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunCommandInterruptIT {

  @TempDir Path folder;

  @Test
  void shouldSaveTheScenarioAsInterruptedAndExit130WhenSigintArrives() throws Exception {
    // given a child JVM blocked in the suite's second scenario
    Path results = folder.resolve("results.json");
    try (ChildBench child =
        ChildBench.startMain(
            InterruptibleRunMain.class,
            Map.of(),
            "--suite",
            "minimal",
            "--output",
            results.toString(),
            "--no-summary")) {
      await("the second scenario to start")
          .atMost(Duration.ofSeconds(60))
          .failFast("the child exited early", () -> !child.process().isAlive())
          .until(() -> child.stdout().contains("STARTED smoke_thread"));

      // when
      child.interrupt();

      // then the child exits (awaitExit fails the test otherwise), saving what ran
      assertThat(child.awaitExit(Duration.ofSeconds(60))).isEqualTo(RunCommand.EXIT_INTERRUPTED);
      JsonNode root = new ObjectMapper().readTree(results.toFile());
      List<String> statuses =
          root.get("results").valueStream().map(r -> r.get("status").asText()).toList();
      assertThat(statuses).containsExactly("success", "interrupted");
      assertThat(root.get("failed_scenarios").toString()).isEqualTo("[\"smoke_thread\"]");
    }
  }
}
