package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credentials in the environment of {@code bench run} and {@code bench test}. Against a remote
 * engine nothing listens on: every scenario fails with the reason, {@code --continue-on-error}
 * goes on to the next. Against {@code bench engine} requiring credentials (OAuth over TLS with
 * tokens that expire mid-scenario, on every transport; basic in plaintext), configured only by
 * the {@code CAMUNDA_*} variables its ready line gives: every scenario completes. Either way no
 * output — the engine's and the run's stdout and stderr (where the logs go), the results file, the
 * HTML report — holds a secret, and the client's token cache never lands in the user's home.
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

  /** The access {@code bench engine} is started with, and the client's variables for it. */
  enum Access {
    OAUTH_TLS("--auth", "oauth", "--tls", "--token-lifetime", "2"),
    BASIC("--auth", "basic");

    private final List<String> options;

    Access(String... options) {
      this.options = List.of(options);
    }
  }

  @ParameterizedTest
  @EnumSource(Access.class)
  void shouldCompleteEveryTransportAndShowNoSecretWhenBenchEngineRequiresCredentials(Access access) throws Exception {
    // given an engine requiring credentials it reads from its environment only
    String clientId = "bench-cli-" + Long.toHexString(System.nanoTime());
    Map<String, String> engineEnv =
        access == Access.BASIC
            ? Map.of("WORKERBENCH_ENGINE_USERNAME", clientId, "WORKERBENCH_ENGINE_PASSWORD", PASSWORD)
            : Map.of("WORKERBENCH_ENGINE_CLIENT_ID", clientId, "WORKERBENCH_ENGINE_CLIENT_SECRET", CLIENT_SECRET);
    Path home = Path.of(System.getProperty("user.home"), ".camunda", "credentials");
    String homeCacheBefore = Files.exists(home) ? Files.readString(home) : null;
    List<String> args = new ArrayList<>(List.of("engine", "--grpc-port", "0", "--rest-port", "0"));
    args.addAll(access.options);
    List<String> outputs = new ArrayList<>();
    try (ChildBench engine = ChildBench.start(engineEnv, args.toArray(String[]::new))) {
      await("the engine's ready line")
          .atMost(Duration.ofSeconds(60))
          .failFast("the engine exited", () -> !engine.process().isAlive())
          .until(() -> engine.stdout().contains("engine ready"));
      Map<String, String> ready = readyLine(engine.stdout());
      Map<String, String> clientEnv = new java.util.HashMap<>();
      clientEnv.put("CAMUNDA_GRPC_ADDRESS", ready.get("grpc"));
      clientEnv.put("CAMUNDA_REST_ADDRESS", ready.get("rest"));
      if (access == Access.BASIC) {
        clientEnv.put("CAMUNDA_BASIC_AUTH_USERNAME", clientId);
        clientEnv.put("CAMUNDA_BASIC_AUTH_PASSWORD", PASSWORD);
      } else {
        assertThat(ready).containsKeys("oauth", "ca");
        clientEnv.put("CAMUNDA_CLIENT_ID", clientId);
        clientEnv.put("CAMUNDA_CLIENT_SECRET", CLIENT_SECRET);
        clientEnv.put("CAMUNDA_AUTHORIZATION_SERVER_URL", ready.get("oauth"));
        clientEnv.put("CAMUNDA_CA_CERTIFICATE_PATH", ready.get("ca"));
      }
      // every transport over OAuth and TLS; basic on one (the core's RemoteEngineAccessIT has more)
      List<String> transports = access == Access.BASIC ? List.of("grpc-poll") : List.of("rest", "grpc-poll", "grpc-stream");
      Path scenarios = Files.writeString(folder.resolve("transports.json"), transportSuite(transports));
      Path results = folder.resolve("results.json");

      // when
      try (ChildBench run =
          ChildBench.start(
              clientEnv,
              "run", scenarios.toString(), "--engine", "remote", "--no-warmup", "--verbose", "--output", results.toString())) {
        int exit = run.awaitExit(Duration.ofSeconds(120));
        outputs.add(run.stdout());
        outputs.add(run.stderr());

        // then every scenario, over every transport, completed every job once
        assertThat(exit).as(run.stdout() + run.stderr() + engine.stderr()).isZero();
      }
      JsonNode root = new ObjectMapper().readTree(results.toFile());
      assertThat(root.get("results")).hasSize(transports.size());
      for (JsonNode result : root.get("results")) {
        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("success");
        assertThat(result.get("jobs_completed").asDouble()).isEqualTo(result.get("expected_jobs").asDouble());
        assertThat(result.get("redeliveries").asDouble()).isZero();
      }
      outputs.add(Files.readString(results));
      outputs.add(Files.readString(folder.resolve("results.html")));
      outputs.add(engine.stdout());
      outputs.add(engine.stderr());
    }
    assertNoSecretIn(outputs);
    String homeCacheAfter = Files.exists(home) ? Files.readString(home) : null;
    assertThat(homeCacheAfter).as("the user's token cache is left alone").isEqualTo(homeCacheBefore);
  }

  @Test
  void shouldRefuseInOneLineWhenBenchEngineLacksACredential() throws Exception {
    // when: the secret is missing from the environment (and there is no option to give it)
    try (ChildBench engine =
        ChildBench.start(Map.of("WORKERBENCH_ENGINE_CLIENT_ID", "bench"), "engine", "--auth", "oauth", "--grpc-port", "0", "--rest-port", "0")) {
      int exit = engine.awaitExit(Duration.ofSeconds(60));

      // then
      assertThat(exit).isEqualTo(2);
      assertThat(engine.stderr().strip())
          .isEqualTo("bench engine: WORKERBENCH_ENGINE_CLIENT_SECRET must be set in the environment for --auth oauth, but it is not");
      assertThat(engine.stdout()).doesNotContain("engine ready");
    }
  }

  /** The ready line's {@code key=value} words. */
  private static Map<String, String> readyLine(String stdout) {
    String line = stdout.lines().filter(l -> l.startsWith("engine ready")).findFirst().orElseThrow();
    Map<String, String> words = new java.util.HashMap<>();
    for (String word : line.substring("engine ready ".length()).split(" ")) {
      int equals = word.indexOf('=');
      words.put(word.substring(0, equals), word.substring(equals + 1));
    }
    if (!words.get("grpc").contains("://")) {
      words.put("grpc", "http://" + words.get("grpc"));
    }
    return words;
  }

  /** One small scenario per transport; the OAuth engine's two-second tokens expire during each. */
  private static String transportSuite(List<String> transports) {
    return transports.stream()
        .map(
            transport ->
                """
                {"name": "remote_%s", "num_instances": 12, "strategy": "virtual", "workload_type": "sleep",
                 "work_duration": 0.5, "max_concurrent_jobs": 2, "repeats": 1, "timeout": 60,
                 "job_timeout_ms": 60000, "description": "remote", "phase": "security", "transport": "%s"}
                """
                    .formatted(transport.replace('-', '_'), transport))
        .reduce((a, b) -> a + "," + b)
        .map(list -> "[" + list + "]")
        .orElseThrow();
  }

  private static void assertNoSecretIn(List<String> outputs) {
    assertThat(outputs).allSatisfy(text -> assertThat(text).doesNotContain(CLIENT_SECRET, PASSWORD, "Bearer "));
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
