package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.workerbench.core.run.EngineRepeatDriver;
import io.github.workerbench.core.run.RunResults;
import io.github.workerbench.core.run.RunListener;
import io.github.workerbench.core.run.ScenarioRunner;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.engine.EngineAccess;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness's remote engine (what {@code --engine remote} runs) against an embedded engine that
 * requires credentials, configured only by the standard {@code CAMUNDA_*} variables: OAuth over
 * TLS on every transport, OAuth in plaintext and basic auth over TLS complete every job of a
 * scenario; with tokens shorter-lived than the scenario, the client fetches new ones and no job is
 * lost or done twice; and neither the logs (every logger at DEBUG but the wire loggers, see
 * {@link #WIRE_LOGGERS}) nor the result nor the token cache holds the engine's secret or a
 * token, the cache holds the token only while the run lasts, and it is never in the user's home.
 */
class RemoteEngineAccessIT {

  private static final String SECRET = "s3cr3t-remote-access-7b41c0de";

  /**
   * The client libraries' wire loggers: at DEBUG they print every header of every call, the
   * {@code Authorization} header included. benchmark-cli's logback.xml pins them to INFO, so even
   * a DEBUG run of the harness never prints a credential; here they are held where it holds them.
   */
  private static final List<String> WIRE_LOGGERS =
      List.of(
          "org.apache.hc.client5.http.headers",
          "org.apache.hc.client5.http.wire",
          "io.grpc.netty.NettyClientHandler",
          "io.grpc.netty.NettyServerHandler");

  @RegisterExtension
  final DebugLogs logs =
      new DebugLogs(WIRE_LOGGERS.stream().collect(Collectors.toMap(name -> name, name -> Level.INFO)));

  private EngineServer engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  enum Access {
    OAUTH_TLS,
    OAUTH,
    BASIC_TLS
  }

  /**
   * OAuth over TLS on every transport; plaintext OAuth and basic on one each (EngineAccessIT in
   * the engine's module runs the client itself on every combination).
   */
  static Stream<Arguments> cases() {
    return Stream.concat(
        Stream.of(TransportKind.values()).map(transport -> Arguments.of(Access.OAUTH_TLS, transport)),
        Stream.of(Arguments.of(Access.OAUTH, TransportKind.REST), Arguments.of(Access.BASIC_TLS, TransportKind.GRPC_STREAM)));
  }

  /** The variables a user sets for this engine, as its ready line names what they need. */
  private static Map<String, String> environment(EngineServer engine, Access access) {
    Map<String, String> env = new HashMap<>();
    env.put("CAMUNDA_GRPC_ADDRESS", engine.grpcAddress().toString());
    env.put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
    if (engine.certificateFile() != null) {
      env.put("CAMUNDA_CA_CERTIFICATE_PATH", engine.certificateFile().toString());
    }
    if (access == Access.BASIC_TLS) {
      env.put("CAMUNDA_BASIC_AUTH_USERNAME", "demo");
      env.put("CAMUNDA_BASIC_AUTH_PASSWORD", SECRET);
    } else {
      // no CAMUNDA_TOKEN_AUDIENCE: the adapter supplies one, as the client needs one
      env.put("CAMUNDA_CLIENT_ID", "bench-client");
      env.put("CAMUNDA_CLIENT_SECRET", SECRET);
      env.put("CAMUNDA_AUTHORIZATION_SERVER_URL", engine.tokenUrl());
    }
    return env;
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("cases")
  void shouldCompleteEveryJobOnceAndShowNoSecretWhenTheEngineRequiresCredentials(Access access, TransportKind transport)
      throws IOException {
    // given tokens of one second for a scenario of about two (20 jobs of 0.2 s, 2 at a time)
    EngineCredentials credentials =
        access == Access.BASIC_TLS ? EngineCredentials.basic("demo", SECRET) : EngineCredentials.oauth("bench-client", SECRET);
    engine =
        EngineServer.start(
            EngineConfig.builder()
                .ephemeralPorts()
                .access(
                    EngineAccess.open()
                        .withCredentials(credentials)
                        .withTokenLifetime(Duration.ofSeconds(1))
                        .withTls(access != Access.OAUTH))
                .build());
    RemoteEngine remote = new RemoteEngine(environment(engine, access));
    ScenarioPlan plan =
        ScenarioPlan.of(
            Scenario.builder()
                .name("access-" + access.name().toLowerCase() + "-" + transport.id())
                .numInstances(20)
                .strategy(StrategyKind.VIRTUAL)
                .workloadType(WorkloadKind.SLEEP)
                .workDuration(0.2)
                .maxConcurrentJobs(2)
                .transport(transport)
                .repeats(1)
                .timeout(60)
                .jobTimeoutMs(120_000)
                .phase("security")
                .build());
    List<String> cacheContents = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void repeatFinished(ScenarioPlan p, RepeatMetrics metrics) {
            Path cache = remote.credentialsCachePath();
            if (cache != null && Files.exists(cache)) {
              try {
                cacheContents.add(Files.readString(cache));
              } catch (IOException e) {
                cacheContents.add("unreadable: " + e);
              }
            }
          }
        };
    Path cache = remote.credentialsCachePath();

    // when
    ScenarioRunner runner =
        new ScenarioRunner(
            new EngineRepeatDriver(() -> remote, new DefaultWorkerFactory()), System::nanoTime, Clock.systemUTC(), listener);
    ScenarioResult result = runner.run(plan);
    long issued = engine.tokensIssued();
    // the engine first: it ends the clients' open polls, so their closes finish at once
    engine.close();
    runner.close();

    // then every job once
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    assertThat(repeat.jobsCompleted()).isEqualTo(20);
    assertThat(repeat.redeliveries()).as("no job handed out twice").isZero();
    assertThat(engine.counters().jobsActivated()).isEqualTo(20);
    assertThat(engine.counters().jobsCompleted()).isEqualTo(20);
    if (access == Access.BASIC_TLS) {
      assertThat(cache).isNull();
    } else {
      assertThat(issued).as("tokens fetched again as they expired during the scenario").isGreaterThanOrEqualTo(2);
      // and the token cache held the client's token, never its secret, outside the home, only while running
      assertThat(cacheContents).singleElement().asString().contains("bench-client", "accessToken").doesNotContain(SECRET);
      assertThat(cache.startsWith(Path.of(System.getProperty("user.home")))).isFalse();
      assertThat(cache).doesNotExist();
    }
    // and no secret anywhere
    assertThat(ResultsFile.toNode(result).toString()).doesNotContain(SECRET);
    assertThat(remote.toString()).doesNotContain(SECRET);
    List<String> secrets = new ArrayList<>(cacheContents.stream().flatMap(RemoteEngineAccessIT::accessTokens).toList());
    secrets.add(SECRET);
    // basic auth sends the password as base64 of "user:password"
    secrets.add(Base64.getEncoder().encodeToString(("demo:" + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(logs.events()).isNotEmpty();
    assertThat(logs.events()).allSatisfy(event -> assertThat(rendered(event)).doesNotContain(secrets.toArray(String[]::new)));
  }

  /** The access tokens in a cache file's text ({@code accessToken: "…"}). */
  private static Stream<String> accessTokens(String cache) {
    return java.util.regex.Pattern.compile("accessToken\\W+([A-Za-z0-9_-]{20,})").matcher(cache).results().map(m -> m.group(1));
  }

  private static String rendered(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getLoggerName() + ": " + event.getFormattedMessage());
    for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
      text.append('\n').append(cause.getClassName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
