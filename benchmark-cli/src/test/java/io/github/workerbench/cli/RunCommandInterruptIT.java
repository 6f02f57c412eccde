package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Process child =
        new ProcessBuilder(
                ChildJava.command(
                    "-cp",
                    System.getProperty("java.class.path"),
                    InterruptibleRunMain.class.getName(),
                    "--suite",
                    "minimal",
                    "--output",
                    results.toString(),
                    "--no-summary"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    StringBuffer stdout = new StringBuffer();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader lines =
                      new BufferedReader(
                          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(line -> stdout.append(line).append('\n'));
                  } catch (IOException e) {
                    stdout.append("read failed: ").append(e);
                  }
                });
    try {
      await("the second scenario to start")
          .atMost(Duration.ofSeconds(60))
          .failFast("the child exited early", () -> !child.isAlive())
          .until(() -> stdout.toString().contains("STARTED smoke_thread"));

      // when
      new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();

      // then
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();
      assertThat(child.exitValue()).isEqualTo(RunCommand.EXIT_INTERRUPTED);
      JsonNode root = new ObjectMapper().readTree(results.toFile());
      List<String> statuses =
          root.get("results").valueStream().map(r -> r.get("status").asText()).toList();
      assertThat(statuses).containsExactly("success", "interrupted");
      assertThat(root.get("failed_scenarios").toString()).isEqualTo("[\"smoke_thread\"]");
    } finally {
      child.destroyForcibly();
      reader.join(Duration.ofSeconds(5));
    }
  }
}
