package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.worker.JobWorker;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Java client against an engine that requires credentials, over every transport, in
 * plaintext and over TLS: every job completes exactly once, tokens expiring during the run are
 * fetched again without a job lost or done twice, and a client with the wrong secret changes
 * nothing.
 */
class EngineAccessIT {

  enum Transport {
    REST,
    GRPC_POLL,
    GRPC_STREAM
  }

  private static final String SECRET = "s3cr3t-access-3c5e27f0";
  private static final Duration LONG = Duration.ofMinutes(5);

  @TempDir Path folder;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    // engines first: they answer parked polls, so a REST client's graceful close has nothing to
    // wait for (it waits up to 5 s for in-flight long polls otherwise)
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  private EngineServer start(EngineAccess access) {
    EngineServer engine = EngineServer.start(EngineConfig.builder().ephemeralPorts().access(access).build());
    opened.add(engine);
    return engine;
  }

  private CamundaClient client(EngineServer engine, Transport transport, CredentialsProvider credentials) {
    CamundaClientBuilder builder =
        EngineClients.builder(engine)
            .preferRestOverGrpc(transport == Transport.REST)
            .defaultJobWorkerStreamEnabled(transport == Transport.GRPC_STREAM)
            .credentialsProvider(credentials);
    if (engine.certificateFile() != null) {
      builder.caCertificatePath(engine.certificateFile().toString());
    }
    CamundaClient client = builder.build();
    opened.add(client);
    return client;
  }

  private CredentialsProvider oauth(EngineServer engine, String secret) {
    return CredentialsProvider.newCredentialsProviderBuilder()
        .applyEnvironmentOverrides(false)
        .clientId("bench")
        .clientSecret(secret)
        .audience("zeebe-api")
        .authorizationServerUrl(engine.tokenUrl())
        .credentialsCachePath(folder.resolve("credentials").toString())
        .build();
  }

  private static CredentialsProvider basic(String password) {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
        .applyEnvironmentOverrides(false)
        .username("demo")
        .password(password)
        .build();
  }

  /**
   * Deploys a one-task process and works {@code waves} waves of {@code jobsPerWave} instances
   * with one worker. With {@code newTokenBetweenWaves}, each next wave starts only once the
   * worker's polling fetched a new token (its last one expired), so the waves span the tokens.
   */
  private static Map<Long, AtomicInteger> runJobs(
      EngineServer engine, CamundaClient client, int waves, int jobsPerWave, boolean newTokenBetweenWaves) {
    EngineClients.deployOneTask(client, "p", "work");
    Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
    try (JobWorker worker =
        client
            .newWorker()
            .jobType("work")
            .handler(
                (jobClient, job) -> {
                  handled.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
                  jobClient.newCompleteCommand(job).send();
                })
            .maxJobsActive(20)
            .pollInterval(Duration.ofMillis(100))
            // short long polls: each new poll is a call that carries (and may refresh) the token
            .requestTimeout(Duration.ofMillis(500))
            .timeout(LONG)
            .open()) {
      for (int wave = 1; wave <= waves; wave++) {
        List<CamundaFuture<?>> created = new ArrayList<>();
        for (int i = 0; i < jobsPerWave; i++) {
          created.add(client.newCreateInstanceCommand().bpmnProcessId("p").latestVersion().send());
        }
        created.forEach(CamundaFuture::join);
        int done = wave * jobsPerWave;
        await("wave " + wave + " completed")
            .atMost(Duration.ofSeconds(60))
            .until(engine::counters, c -> c.processInstancesCompleted() == done);
        long tokens = engine.tokensIssued();
        if (newTokenBetweenWaves && wave < waves) {
          await("a new token fetched by the polling worker after wave " + wave)
              .atMost(Duration.ofSeconds(20))
              .until(engine::tokensIssued, issued -> issued > tokens);
        }
      }
    }
    return handled;
  }

  private static void assertEveryJobOnce(EngineServer engine, Map<Long, AtomicInteger> handled, int jobs) {
    assertThat(handled).hasSize(jobs);
    assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    EngineCounters counters = engine.counters();
    assertThat(counters.jobsCompleted()).isEqualTo(jobs);
    assertThat(counters.jobsActivated()).as("no job handed out twice").isEqualTo(jobs);
  }

  static Stream<Arguments> transportsAndTls() {
    return Stream.of(Transport.values()).flatMap(t -> Stream.of(Arguments.of(t, false), Arguments.of(t, true)));
  }

  @ParameterizedTest(name = "{0}, tls={1}")
  @MethodSource("transportsAndTls")
  void shouldCompleteEveryJobOnceWhenTheClientHasATokenFromTheEngine(Transport transport, boolean tls) {
    // given
    EngineServer engine = start(EngineAccess.open().withCredentials(EngineCredentials.oauth("bench", SECRET)).withTls(tls));
    CamundaClient client = client(engine, transport, oauth(engine, SECRET));

    // when
    Map<Long, AtomicInteger> handled = runJobs(engine, client, 1, 50, false);

    // then
    assertEveryJobOnce(engine, handled, 50);
    assertThat(engine.tokensIssued()).isEqualTo(1);
    assertThat(engine.restAddress().getScheme()).isEqualTo(tls ? "https" : "http");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompleteEveryJobOnceWhenTheClientSendsTheBasicCredentials(Transport transport) {
    // given
    EngineServer engine = start(EngineAccess.open().withCredentials(EngineCredentials.basic("demo", SECRET)).withTls(true));
    CamundaClient client = client(engine, transport, basic(SECRET));

    // when
    Map<Long, AtomicInteger> handled = runJobs(engine, client, 1, 50, false);

    // then
    assertEveryJobOnce(engine, handled, 50);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldFetchNewTokensAndLoseNoJobWhenTokensExpireDuringTheRun(Transport transport) {
    // given tokens of one second, and a run spanning at least three of them
    EngineServer engine =
        start(
            EngineAccess.open()
                .withCredentials(EngineCredentials.oauth("bench", SECRET))
                .withTokenLifetime(Duration.ofSeconds(1))
                .withTls(true));
    CamundaClient client = client(engine, transport, oauth(engine, SECRET));

    // when
    Map<Long, AtomicInteger> handled = runJobs(engine, client, 3, 10, true);

    // then
    assertEveryJobOnce(engine, handled, 30);
    assertThat(engine.tokensIssued()).as("tokens fetched again as they expired").isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldRefuseOverBothProtocolsAndChangeNothingWhenTheClientSecretIsWrong() throws Exception {
    // given
    EngineServer engine = start(EngineAccess.open().withCredentials(EngineCredentials.oauth("bench", SECRET)));
    CamundaClient rest = client(engine, Transport.REST, oauth(engine, SECRET + "-wrong"));
    CamundaClient grpc = client(engine, Transport.GRPC_POLL, oauth(engine, SECRET + "-wrong"));

    // when / then: the token endpoint answers 401, so no call reaches the engine
    assertThatThrownBy(() -> rest.newTopologyRequest().send().join())
        .hasMessageContaining("Failed to apply credentials")
        .hasStackTraceContaining("status code 401");
    // the client turns a failed token request into CANCELLED for gRPC calls
    assertThatThrownBy(() -> grpc.newTopologyRequest().send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class, e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.CANCELLED))
        .hasStackTraceContaining("status code 401");
    assertThat(engine.tokensIssued()).isZero();
    assertThat(engine.counters()).isEqualTo(new EngineCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(Files.exists(folder.resolve("credentials"))).as("no token to cache").isFalse();
  }

  @Test
  void shouldRefuseOverBothProtocolsWhenTheBasicPasswordIsWrong() {
    // given
    EngineServer engine = start(EngineAccess.open().withCredentials(EngineCredentials.basic("demo", SECRET)));
    CamundaClient rest = client(engine, Transport.REST, basic(SECRET + "-wrong"));
    CamundaClient grpc = client(engine, Transport.GRPC_POLL, basic(SECRET + "-wrong"));

    // when / then
    assertThatThrownBy(() -> rest.newTopologyRequest().send().join()).hasMessageContaining("Bad credentials");
    assertThatThrownBy(() -> grpc.newTopologyRequest().send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class, e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
        .hasMessage("Invalid credentials");
    assertThat(engine.counters().processInstancesCreated()).isZero();
  }

  @Test
  void shouldNameTheTokenEndpointAndTheCertificateWhenReady() throws Exception {
    // when
    EngineServer engine =
        start(EngineAccess.open().withCredentials(EngineCredentials.oauth("bench", SECRET)).withTls(true));

    // then
    assertThat(engine.readyLine())
        .isEqualTo(
            "engine ready grpc=https://127.0.0.1:" + engine.grpcPort()
                + " rest=https://127.0.0.1:" + engine.restPort()
                + " oauth=" + engine.tokenUrl()
                + " ca=" + engine.certificateFile());
    assertThat(engine.tokenUrl()).matches("http://127\\.0\\.0\\.1:\\d+/oauth/token");
    assertThat(Files.readString(engine.certificateFile())).contains("BEGIN CERTIFICATE").doesNotContain("PRIVATE");
    assertThat(engine.readyLine()).doesNotContain(SECRET);
    Path certificate = engine.certificateFile();
    engine.close();
    assertThat(certificate).doesNotExist();
  }
}
