package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite killed with SIGKILL mid-scenario leaves a valid results file holding every finished
 * scenario, and {@code --resume} finishes the suite running each scenario exactly once.
 */
@EnabledOnOs(OS.LINUX)
class RunCommandKillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SCENARIOS = 4;

  @TempDir Path folder;

  @Test
  void shouldKeepFinishedScenariosAndResumeTheRestWhenKilledMidScenario() throws Exception {
    // given a suite of four quick sleep scenarios and a child JVM running it
    Path scenarios = Files.writeString(folder.resolve("suite.json"), suite());
    Path results = folder.resolve("results.json");
    List<JsonNode> before;
    try (ChildBench child =
        ChildBench.start(
            Map.of(),
            "run", scenarios.toString(), "--output", results.toString(), "--no-summary")) {
      await("the first scenario to be saved")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(20))
          .failFast("the child exited early", () -> !child.process().isAlive())
          .until(() -> savedResults(results).size() >= 1);

      // when: SIGKILL (destroyForcibly on Linux), no chance to save anything more
      child.process().destroyForcibly();
      child.awaitExit(Duration.ofSeconds(30));
    }

    // then the file is valid JSON holding only finished, successful scenarios
    before = savedResults(results);
    assertThat(before).as("finished before the kill").hasSizeBetween(1, SCENARIOS - 1);
    assertThat(before).allMatch(r -> r.get("status").asText().equals("success"));

    // when the suite is resumed
    try (ChildBench resumed =
        ChildBench.start(
            Map.of(),
            "run", scenarios.toString(), "--output", results.toString(), "--no-summary",
            "--resume")) {
      assertThat(resumed.awaitExit(Duration.ofSeconds(120)))
          .as(resumed.stdout() + resumed.stderr())
          .isZero();
    }

    // then every scenario is there once, successful, and the earlier results are kept verbatim
    List<JsonNode> after = savedResults(results);
    assertThat(after.stream().map(r -> r.get("name").asText()))
        .containsExactly(
            IntStream.rangeClosed(1, SCENARIOS).mapToObj(i -> "kill_" + i).toArray(String[]::new));
    assertThat(after).allMatch(r -> r.get("status").asText().equals("success"));
    assertThat(after.subList(0, before.size())).containsExactlyElementsOf(before);
  }

  /** The results saved so far; empty while there is no file yet. Fails on invalid JSON. */
  private static List<JsonNode> savedResults(Path results) throws IOException {
    if (!Files.exists(results)) {
      return List.of();
    }
    JsonNode root = JSON.readTree(results.toFile());
    List<JsonNode> saved = new ArrayList<>();
    root.get("results").forEach(saved::add);
    return saved;
  }

  private static String suite() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 1; i <= SCENARIOS; i++) {
      json.append(i > 1 ? "," : "")
          .append(
              """
              {"name": "kill_%d", "num_instances": 8, "strategy": "thread",
               "workload_type": "sleep", "work_duration": 0.2, "max_concurrent_jobs": 2,
               "repeats": 1, "timeout": 60, "job_timeout_ms": 30000, "description": "kill test",
               "phase": "kill"}
              """
                  .formatted(i));
    }
    return json.append("]").toString();
  }
}
