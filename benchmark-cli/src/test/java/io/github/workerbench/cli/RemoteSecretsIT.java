package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fake credentials in the environment of {@code bench run} and {@code bench test} against a remote
 * engine nothing listens on: every scenario fails with the reason, {@code --continue-on-error}
 * goes on to the next, and no output — stdout, stderr (where the logs go), the results file, the
 * HTML report — holds a secret.
 */
class RemoteSecretsIT {

  private static final String CLIENT_SECRET = "s3cr3t-client-4b1d9c07-never-print-me";
  private static final String PASSWORD = "s3cr3t-password-e85a0f36-never-print-me";

  @TempDir Path folder;
  private Map<String, String> env;

  @BeforeEach
  void fakeCredentials() throws IOException {
    String address = "http://127.0.0.1:" + closedPort();
    env =
        Map.of(
            "CAMUNDA_REST_ADDRESS", address,
            "CAMUNDA_GRPC_ADDRESS", address,
            "CAMUNDA_CLIENT_ID", "bench-client",
            "CAMUNDA_CLIENT_SECRET", CLIENT_SECRET,
            "CAMUNDA_AUTHORIZATION_SERVER_URL", address + "/oauth/token",
            "CAMUNDA_BASIC_AUTH_USERNAME", "bench-user",
            "CAMUNDA_BASIC_AUTH_PASSWORD", PASSWORD);
  }

  @Test
  void shouldFailEveryScenarioGoOnAndShowNoSecretWhenTheRemoteEngineIsUnreachable()
      throws Exception {
    // given two scenarios
    Path scenarios = Files.writeString(folder.resolve("suite.json"), suite("remote_1", "remote_2"));
    Path results = folder.resolve("results.json");

    // when
    List<String> outputs = new ArrayList<>();
    try (ChildBench child =
        ChildBench.start(
            env,
            "run", scenarios.toString(), "--engine", "remote", "--continue-on-error",
            "--verbose", "--output", results.toString())) {
      int exit = child.awaitExit(Duration.ofSeconds(90));

      // then both failed with the reason, the second ran after the first failed
      outputs.add(child.stdout());
      outputs.add(child.stderr());
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(1);
    }
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("results")).hasSize(2);
    for (JsonNode result : root.get("results")) {
      assertThat(result.get("status").asText()).isEqualTo("failed");
      assertThat(result.get("error").asText())
          .startsWith("Expected to reach the engine at " + env.get("CAMUNDA_REST_ADDRESS"))
          .contains(", but ")
          .contains("or use --engine embedded");
    }
    outputs.add(Files.readString(results));
    outputs.add(Files.readString(folder.resolve("results.html")));
    assertNoSecretIn(outputs);
  }

  @Test
  void shouldFailAndShowNoSecretWhenTestRunsOnAnUnreachableRemoteEngine() throws Exception {
    // given
    Path results = folder.resolve("test.json");

    // when
    List<String> outputs = new ArrayList<>();
    try (ChildBench child =
        ChildBench.start(
            env,
            "test", "--engine", "remote", "--workload-type", "sleep",
            "--work-duration-seconds", "0.05", "--process-instances", "2",
            "--output", results.toString())) {
      int exit = child.awaitExit(Duration.ofSeconds(60));

      // then
      outputs.add(child.stdout());
      outputs.add(child.stderr());
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(1);
      assertThat(child.stdout()).contains("Error:               Expected to reach the engine at");
    }
    outputs.add(Files.readString(results));
    assertNoSecretIn(outputs);
  }

  private static void assertNoSecretIn(List<String> outputs) {
    assertThat(outputs).allSatisfy(text -> assertThat(text).doesNotContain(CLIENT_SECRET, PASSWORD));
  }

  private static String suite(String... names) {
    return Stream.of(names)
        .map(
            name ->
                """
                {"name": "%s", "num_instances": 2, "strategy": "thread", "workload_type": "sleep",
                 "work_duration": 0.05, "max_concurrent_jobs": 2, "repeats": 1, "timeout": 30,
                 "job_timeout_ms": 30000, "description": "remote", "phase": "security"}
                """
                    .formatted(name))
        .reduce((a, b) -> a + "," + b)
        .map(list -> "[" + list + "]")
        .orElseThrow();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
