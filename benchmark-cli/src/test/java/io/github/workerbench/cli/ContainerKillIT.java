package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import io.github.workerbench.core.engine.ContainerEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench run --engine container} in a child JVM while the engine's container is killed
 * ({@code docker kill}) in the middle of a scenario: that scenario fails within 10 s with the
 * reason, its engine log is kept beside the results, and with {@code --continue-on-error} the
 * next scenario gets a fresh, working engine; no container is left. Skipped, with the reason,
 * where Docker cannot be used.
 */
class ContainerKillIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EngineImageExtension ENGINE_IMAGE = new EngineImageExtension();

  @TempDir Path folder;

  @Test
  void shouldFailTheScenarioWithinTenSecondsAndGoOnWithAFreshEngineWhenTheContainerIsKilled()
      throws Exception {
    // given a long scenario (40 jobs of 1 s, 2 at a time) and a short one after it
    Path scenarios =
        Files.writeString(
            folder.resolve("kill.json"),
            "[" + scenario("victim", 40, 1.0) + "," + scenario("after", 4, 0.05) + "]");
    Path results = folder.resolve("kill-results.json");

    try (ChildBench child =
            ChildBench.start(
                Map.of(),
                "run", scenarios.toString(), "--engine", "container", "--engine-image", ENGINE_IMAGE.image(),
                "--continue-on-error", "--no-summary", "--no-warmup", "--output", results.toString());
        HttpClient http = HttpClient.newHttpClient()) {
      String id =
          await("the engine's container to run")
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(200))
              .until(ContainerKillIT::runningContainer, Optional::isPresent)
              .orElseThrow()
              .getId();
      int restPort =
          Integer.parseInt(
              ENGINE_IMAGE.client().inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                  .getBindings().get(ExposedPort.tcp(8080))[0].getHostPortSpec());
      await("the victim's first jobs to complete")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> completedVictims(http, restPort) >= 2);

      // when
      Instant killed = Instant.now();
      ENGINE_IMAGE.client().killContainerCmd(id).exec();
      int exit = child.awaitExit(Duration.ofSeconds(120));

      // then
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(1);
      JsonNode written = JSON.readTree(results.toFile()).get("results");
      JsonNode victim = written.get(0);
      JsonNode after = written.get(1);
      assertThat(victim.get("status").asText()).isEqualTo("failed");
      assertThat(victim.get("error").asText())
          .startsWith("Expected to reach the engine at http://127.0.0.1:")
          .contains(", but ")
          .contains("victim.log");
      assertThat(Duration.between(killed, Instant.parse(victim.get("timestamp").asText())))
          .as("from the kill to the scenario's end")
          .isLessThanOrEqualTo(Duration.ofSeconds(10));
      assertThat(after.get("status").asText()).as(after.path("error").asText()).isEqualTo("success");
      assertThat(after.get("engine_startup_time").isNumber())
          .as("the next scenario started a fresh engine")
          .isTrue();
      Path log = folder.resolve("kill-results-engine-logs").resolve("victim.log");
      assertThat(Files.readString(log)).contains("engine ready grpc=0.0.0.0:26500");
    }
    assertThat(ourContainers()).as("no container of ours left").isEmpty();
  }

  private static Optional<Container> runningContainer() {
    return ENGINE_IMAGE.client().listContainersCmd().withLabelFilter(List.of(ContainerEngine.LABEL))
        .exec().stream().findFirst();
  }

  private static List<Container> ourContainers() {
    return ENGINE_IMAGE.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(ContainerEngine.LABEL)).exec();
  }

  private static long completedVictims(HttpClient http, int restPort) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + restPort + "/v2/process-instances/search"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"filter\": {\"state\": \"COMPLETED\"}, \"page\": {\"limit\": 10000}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long count = 0;
    for (JsonNode item : JSON.readTree(answer.body()).path("items")) {
      if (item.path("processDefinitionId").asText().startsWith("wb-victim-")) {
        count++;
      }
    }
    return count;
  }

  static String scenario(String name, int instances, double seconds) {
    return """
        {"name": "%s", "num_instances": %d, "strategy": "thread", "workload_type": "sleep",
         "work_duration": %s, "max_concurrent_jobs": 2, "repeats": 1, "timeout": 120,
         "job_timeout_ms": 30000, "description": "container kill", "phase": "kill"}
        """
        .formatted(name, instances, seconds);
  }
}
