package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.core.engine.ContainerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench run --engine remote} against our engine image, reached as a user reaches a
 * self-managed cluster: through the {@code CAMUNDA_*} environment only, on the container's
 * mapped ports. Skipped, with the reason, where Docker cannot be used.
 */
class RemoteEngineOnContainerIT {

  @RegisterExtension static final EngineImageExtension ENGINE_IMAGE = new EngineImageExtension();

  private static ContainerEngine cluster;

  @TempDir Path folder;

  @BeforeAll
  static void startTheCluster() {
    if (ENGINE_IMAGE.available()) {
      cluster = new ContainerEngine(ENGINE_IMAGE.image());
      cluster.start();
    }
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void shouldRunEveryScenarioWhenTheRemoteEngineIsNamedByTheCamundaEnvironment() throws Exception {
    // given two scenarios, one over REST and one over gRPC
    Path scenarios =
        Files.writeString(
            folder.resolve("remote.json"),
            "[" + scenario("remote_rest", "rest") + "," + scenario("remote_grpc", "grpc-stream") + "]");
    Path results = folder.resolve("remote-results.json");
    Map<String, String> environment =
        Map.of(
            "CAMUNDA_GRPC_ADDRESS", cluster.grpcAddress().toString(),
            "CAMUNDA_REST_ADDRESS", cluster.restAddress().toString());

    // when
    int exit;
    String output;
    try (ChildBench child =
        ChildBench.start(
            environment,
            "run", scenarios.toString(), "--engine", "remote", "--no-summary", "--no-warmup",
            "--output", results.toString())) {
      exit = child.awaitExit(Duration.ofSeconds(120));
      output = child.stdout() + child.stderr();
    }

    // then
    assertThat(exit).as(output).isZero();
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("engine").asText()).isEqualTo("remote");
    assertThat(root.get("results")).hasSize(2);
    for (JsonNode result : root.get("results")) {
      assertThat(result.get("status").asText()).as(result.path("error").asText()).isEqualTo("success");
      assertThat(result.get("jobs_completed").asInt()).isEqualTo(10);
    }
  }

  private static String scenario(String name, String transport) {
    return """
        {"name": "%s", "num_instances": 10, "strategy": "virtual", "workload_type": "sleep",
         "work_duration": 0.05, "max_concurrent_jobs": 5, "repeats": 1, "timeout": 60,
         "job_timeout_ms": 30000, "transport": "%s", "description": "remote on our image",
         "phase": "remote"}
        """
        .formatted(name, transport);
  }
}
