package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientConfiguration;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import io.github.workerbench.engine.tls.EngineTls;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteEngineTest {

  @TempDir Path folder;

  private static final String SECRET = "s3cr3t-fake-Xq9";

  @Test
  void shouldUseTheCamundaVariablesWhenBothNamesAreSet() {
    // given
    Map<String, String> env =
        Map.of(
            "CAMUNDA_GRPC_ADDRESS", "https://grpc.example.test:443",
            "ZEEBE_GRPC_ADDRESS", "http://legacy.example.test:26500",
            "CAMUNDA_REST_ADDRESS", "https://rest.example.test",
            "ZEEBE_REST_ADDRESS", "http://legacy.example.test:8080");
    // when
    RemoteEngine engine = new RemoteEngine(env);
    // then
    assertThat(engine.grpcAddress()).isEqualTo(URI.create("https://grpc.example.test:443"));
    assertThat(engine.restAddress()).isEqualTo(URI.create("https://rest.example.test"));
    assertThat(engine.usesOAuth()).isFalse();
  }

  @Test
  void shouldFallBackToTheZeebeVariablesWhenTheCamundaOnesAreAbsent() {
    // given
    Map<String, String> env =
        Map.of(
            "ZEEBE_GRPC_ADDRESS", "legacy.example.test:26500",
            "ZEEBE_REST_ADDRESS", "http://legacy.example.test:8080",
            "ZEEBE_CLIENT_ID", "bench-client",
            "ZEEBE_CLIENT_SECRET", SECRET,
            "ZEEBE_AUTHORIZATION_SERVER_URL", "https://login.example.test/oauth/token",
            "ZEEBE_TOKEN_AUDIENCE", "zeebe.example.test");
    // when
    RemoteEngine engine = new RemoteEngine(env);
    // then
    assertThat(engine.grpcAddress()).isEqualTo(URI.create("http://legacy.example.test:26500"));
    assertThat(engine.restAddress()).isEqualTo(URI.create("http://legacy.example.test:8080"));
    assertThat(engine.usesOAuth()).isTrue();
    try (CamundaClient client = engine.newClientBuilder().build()) {
      CamundaClientConfiguration configuration = client.getConfiguration();
      assertThat(configuration.getGrpcAddress())
          .isEqualTo(URI.create("http://legacy.example.test:26500"));
      assertThat(configuration.getRestAddress())
          .isEqualTo(URI.create("http://legacy.example.test:8080"));
      assertThat(configuration.getCredentialsProvider())
          .isInstanceOf(OAuthCredentialsProvider.class);
    }
  }

  @Test
  void shouldSendTheBasicAuthHeaderWhenUsernameAndPasswordAreSet() throws IOException {
    // given
    RemoteEngine engine =
        new RemoteEngine(
            Map.of(
                "CAMUNDA_BASIC_AUTH_USERNAME", "demo",
                "CAMUNDA_BASIC_AUTH_PASSWORD", SECRET));
    Map<String, String> headers = new HashMap<>();
    // when
    try (CamundaClient client = engine.newClientBuilder().build()) {
      client.getConfiguration().getCredentialsProvider().applyCredentials(headers::put);
    }
    // then
    assertThat(engine.usesBasicAuth()).isTrue();
    assertThat(headers)
        .containsEntry(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(("demo:" + SECRET).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldSendNoCredentialsWhenNoneAreSet() throws IOException {
    // given
    RemoteEngine engine = new RemoteEngine(Map.of());
    Map<String, String> headers = new HashMap<>();
    // when
    try (CamundaClient client = engine.newClientBuilder().build()) {
      CredentialsProvider credentials = client.getConfiguration().getCredentialsProvider();
      if (credentials != null) {
        credentials.applyCredentials(headers::put);
      }
    }
    // then
    assertThat(engine.usesOAuth()).isFalse();
    assertThat(engine.usesBasicAuth()).isFalse();
    assertThat(headers).isEmpty();
  }

  @Test
  void shouldUseLocalDefaultsWhenNoAddressIsSet() {
    // when
    RemoteEngine engine = new RemoteEngine(Map.of());
    // then
    assertThat(engine.grpcAddress()).isEqualTo(URI.create("http://localhost:26500"));
    assertThat(engine.restAddress()).isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void shouldRefuseWhenAClientIdComesWithoutASecret() {
    // when / then
    assertThatThrownBy(() -> new RemoteEngine(Map.of("CAMUNDA_CLIENT_ID", "bench-client")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAMUNDA_CLIENT_SECRET");
  }

  @Test
  void shouldNameTheVariableWhenAnAddressIsMalformed() {
    // when / then
    assertThatThrownBy(() -> new RemoteEngine(Map.of("CAMUNDA_REST_ADDRESS", "http://exa mple")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAMUNDA_REST_ADDRESS");
  }

  @Test
  void shouldNeverShowTheSecretWhenPrinted() {
    // given
    RemoteEngine engine =
        new RemoteEngine(
            Map.of(
                "CAMUNDA_CLIENT_ID", "bench-client",
                "CAMUNDA_CLIENT_SECRET", SECRET,
                "CAMUNDA_BASIC_AUTH_USERNAME", "demo",
                "CAMUNDA_BASIC_AUTH_PASSWORD", SECRET + "-basic"));
    EngineSettings settings = EngineSettings.remote(Map.of("CAMUNDA_CLIENT_SECRET", SECRET));
    // when
    String printed = engine + " " + settings;
    // then
    assertThat(printed).doesNotContain(SECRET).contains("bench-client");
  }

  @Test
  void shouldFailWithTheAddressAndNoSecretWhenTheEngineCannotBeReached() throws IOException {
    // given an address nothing listens on
    int port = closedPort();
    String address = "http://127.0.0.1:" + port;
    RemoteEngine engine =
        new RemoteEngine(
            Map.of(
                "CAMUNDA_REST_ADDRESS", address,
                "CAMUNDA_GRPC_ADDRESS", address,
                "CAMUNDA_CLIENT_ID", "bench-client",
                "CAMUNDA_CLIENT_SECRET", SECRET,
                "CAMUNDA_AUTHORIZATION_SERVER_URL", address + "/token"),
            Duration.ofSeconds(3));
    // when / then
    assertThatThrownBy(engine::start)
        .isInstanceOf(EngineStartException.class)
        .hasMessageStartingWith("Expected to reach the engine at " + address)
        .hasMessageContaining("Check that the cluster runs")
        .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET));
  }

  @Test
  void shouldTrustTheCaCertificateFileWhenItIsNamed() throws IOException {
    // given
    Path pem = EngineTls.generate(List.of(), Instant.now()).write(folder.resolve("ca.pem"));
    RemoteEngine engine =
        new RemoteEngine(
            Map.of(
                "CAMUNDA_GRPC_ADDRESS", "https://grpc.example.test:443",
                "CAMUNDA_CA_CERTIFICATE_PATH", pem.toString(),
                "CAMUNDA_OVERRIDE_AUTHORITY", "cluster.example.test"));
    // when
    try (CamundaClient client = engine.newClientBuilder().build()) {
      CamundaClientConfiguration configuration = client.getConfiguration();
      // then: the client ignores CAMUNDA_* itself (overrides off), so the adapter must pass them on
      assertThat(engine.caCertificatePath()).isEqualTo(pem.toString());
      assertThat(configuration.getCaCertificatePath()).isEqualTo(pem.toString());
      assertThat(configuration.getOverrideAuthority()).isEqualTo("cluster.example.test");
    }
  }

  @Test
  void shouldNameTheVariableWhenTheCaCertificateFileCannotBeRead() {
    // when / then
    assertThatThrownBy(
            () -> new RemoteEngine(Map.of("ZEEBE_CA_CERTIFICATE_PATH", folder.resolve("missing.pem").toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAMUNDA_CA_CERTIFICATE_PATH must name a readable PEM file");
  }

  @Test
  void shouldBuildAnOAuthClientWhenNoAudienceIsSet() throws IOException {
    // given: the Camunda client refuses to build OAuth credentials without an audience
    RemoteEngine engine =
        new RemoteEngine(
            Map.of(
                "CAMUNDA_GRPC_ADDRESS", "http://zeebe.example.test:26500",
                "CAMUNDA_CLIENT_ID", "bench-client",
                "CAMUNDA_CLIENT_SECRET", SECRET,
                "CAMUNDA_AUTHORIZATION_SERVER_URL", "http://127.0.0.1:1/oauth/token"));
    // when / then
    try (CamundaClient client = engine.newClientBuilder().build()) {
      assertThat(client.getConfiguration().getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
    } finally {
      engine.close();
    }
  }

  @Test
  void shouldKeepTheTokenCacheOutOfTheHomeAndDeleteItWhenClosed() throws IOException {
    // given
    RemoteEngine engine =
        new RemoteEngine(Map.of("CAMUNDA_CLIENT_ID", "bench-client", "CAMUNDA_CLIENT_SECRET", SECRET));
    // when
    Path cache = engine.credentialsCachePath();
    Files.writeString(cache, "bench-client: {}");
    // then
    assertThat(cache.startsWith(Path.of(System.getProperty("user.home")))).as("%s is in the home", cache).isFalse();
    assertThat(cache.getFileName()).hasToString("credentials");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent()))).isEqualTo("rwx------");
    }
    assertThat(engine.credentialsCachePath()).as("one cache for every client of the adapter").isEqualTo(cache);
    engine.close();
    assertThat(cache).doesNotExist();
    assertThat(cache.getParent()).doesNotExist();
  }

  @Test
  void shouldUseTheNamedTokenCacheAndKeepItWhenTheVariableIsSet() throws IOException {
    // given
    Path named = folder.resolve("shared-credentials");
    RemoteEngine engine =
        new RemoteEngine(
            Map.of(
                "CAMUNDA_CLIENT_ID", "bench-client",
                "CAMUNDA_CLIENT_SECRET", SECRET,
                "CAMUNDA_CLIENT_CONFIG_PATH", named.toString()));
    // when
    Files.writeString(engine.credentialsCachePath(), "bench-client: {}");
    engine.close();
    // then
    assertThat(named).exists();
    assertThat(new RemoteEngine(Map.of()).credentialsCachePath()).as("no OAuth, no cache").isNull();
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
