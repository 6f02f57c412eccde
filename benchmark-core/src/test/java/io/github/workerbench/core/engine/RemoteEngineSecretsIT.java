package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.github.workerbench.core.run.EngineRepeatDriver;
import io.github.workerbench.core.run.ScenarioRunner;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fake credentials for a remote engine that cannot be reached: the scenario fails with the
 * reason, and neither its result nor any log line (every logger at DEBUG, stack traces
 * included) holds the secret.
 */
class RemoteEngineSecretsIT {

  private static final String SECRET = "s3cr3t-wb-7f2e9a41-never-print-me";

  @RegisterExtension final DebugLogs logs = new DebugLogs(Map.of("workerbench", Level.DEBUG));

  static Stream<Map<String, String>> credentials() throws IOException {
    String address = "http://127.0.0.1:" + closedPort();
    return Stream.of(
        Map.of(
            "CAMUNDA_REST_ADDRESS", address,
            "CAMUNDA_GRPC_ADDRESS", address,
            "CAMUNDA_CLIENT_ID", "bench-client",
            "CAMUNDA_CLIENT_SECRET", SECRET,
            "CAMUNDA_AUTHORIZATION_SERVER_URL", address + "/oauth/token"),
        Map.of(
            "CAMUNDA_REST_ADDRESS", address,
            "CAMUNDA_GRPC_ADDRESS", address,
            "CAMUNDA_BASIC_AUTH_USERNAME", "bench-user",
            "CAMUNDA_BASIC_AUTH_PASSWORD", SECRET));
  }

  @ParameterizedTest
  @MethodSource("credentials")
  void shouldNeverShowTheSecretWhenTheRemoteEngineCannotBeReached(Map<String, String> env) {
    // given
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name("secret")
                .numInstances(2)
                .strategy(StrategyKind.THREAD)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(0.05)
                .maxConcurrentJobs(2)
                .repeats(1)
                .timeout(30)
                .jobTimeoutMs(30_000)
                .phase("security")
                .build());

    // when
    ScenarioResult result;
    RemoteEngine engine = new RemoteEngine(env);
    try (ScenarioRunner runner = new ScenarioRunner(new EngineRepeatDriver(() -> engine, new DefaultWorkerFactory()))) {
      result = runner.run(plan);
    }

    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).startsWith("Expected to reach the engine at");
    assertThat(ResultsFile.toNode(result).toString()).doesNotContain(SECRET);
    assertThat(engine.toString()).doesNotContain(SECRET);
    assertThat(logs.events()).allSatisfy(event -> assertThat(rendered(event)).doesNotContain(SECRET));
  }

  /** Everything an appender could print of an event: message, arguments, stack traces. */
  private static String rendered(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    for (IThrowableProxy cause = event.getThrowableProxy();
        cause != null;
        cause = cause.getCause()) {
      text.append('\n').append(cause.getClassName()).append(": ").append(cause.getMessage());
      for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
        text.append('\n').append(frame.getSTEAsString());
      }
    }
    return text.toString();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
