package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An existing cluster, addressed and authenticated through the environment variables the
 * Camunda client itself reads: the {@code CAMUNDA_*} name first, then its legacy {@code ZEEBE_*}
 * twin.
 *
 * <ul>
 *   <li>Addresses: {@code CAMUNDA_GRPC_ADDRESS}, {@code CAMUNDA_REST_ADDRESS} (defaults {@code
 *       http://localhost:26500} and {@code http://localhost:8080}); {@code https://} means TLS.
 *   <li>TLS: {@code CAMUNDA_CA_CERTIFICATE_PATH}, a PEM file of the certificates to trust (else
 *       the JVM's default trust store), and {@code CAMUNDA_OVERRIDE_AUTHORITY}.
 *   <li>OAuth client credentials, used when {@code CAMUNDA_CLIENT_ID} is set: {@code
 *       CAMUNDA_CLIENT_SECRET}, {@code CAMUNDA_AUTHORIZATION_SERVER_URL} (or the console's {@code
 *       CAMUNDA_OAUTH_URL}), {@code CAMUNDA_TOKEN_AUDIENCE} (optional: without it, the gRPC
 *       address's host, as the Zeebe client used to default it; the Camunda client itself insists
 *       on one), {@code CAMUNDA_TOKEN_SCOPE}, {@code CAMUNDA_TOKEN_RESOURCE}.
 *   <li>The client's token cache, a file it reads before every call and writes after every token
 *       it fetches: {@code CAMUNDA_CLIENT_CONFIG_PATH} when set (to share tokens across runs, as
 *       the client's default {@code ~/.camunda/credentials} does); otherwise a file of this
 *       adapter's own in a temporary folder only this user can read, deleted on {@link #close()},
 *       so a run never leaves a bearer token in the user's home.
 *   <li>Basic auth, used when {@code CAMUNDA_BASIC_AUTH_USERNAME} is set: {@code
 *       CAMUNDA_BASIC_AUTH_PASSWORD}.
 * </ul>
 *
 * <p>The environment is handed in as a map so tests pass fakes; nothing else of it is read.
 * Secrets never appear in {@link #toString()} nor in any exception message. {@link #start()}
 * only checks that the cluster answers a topology request; closing leaves the cluster running.
 * Thread-safe.
 */
public final class RemoteEngine implements EngineAdapter {

  /** How long {@link #start()} waits for the cluster's topology. */
  public static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

  private static final String REDACTED = "****";

  private final URI grpcAddress;
  private final URI restAddress;
  private final String clientId;
  private final String clientSecret;
  private final String authorizationServerUrl;
  private final String audience;
  private final String scope;
  private final String resource;
  private final String caCertificatePath;
  private final String overrideAuthority;
  private final Path configuredCache;
  private final String basicUsername;
  private final String basicPassword;
  private final Duration reachTimeout;
  private Path ownCacheFolder;

  /**
   * A remote engine described by {@code environment}.
   *
   * @throws IllegalArgumentException naming the variable when an address is not a URI, a secret
   *     is missing for a given id, or the CA certificate file cannot be read
   */
  public RemoteEngine(Map<String, String> environment) {
    this(environment, REACH_TIMEOUT);
  }

  RemoteEngine(Map<String, String> environment, Duration reachTimeout) {
    this.grpcAddress =
        uri(environment, "http://localhost:26500", "CAMUNDA_GRPC_ADDRESS", "ZEEBE_GRPC_ADDRESS");
    this.restAddress =
        uri(environment, "http://localhost:8080", "CAMUNDA_REST_ADDRESS", "ZEEBE_REST_ADDRESS");
    this.clientId = value(environment, "CAMUNDA_CLIENT_ID", "ZEEBE_CLIENT_ID");
    this.clientSecret = value(environment, "CAMUNDA_CLIENT_SECRET", "ZEEBE_CLIENT_SECRET");
    this.authorizationServerUrl =
        value(
            environment,
            "CAMUNDA_AUTHORIZATION_SERVER_URL",
            "ZEEBE_AUTHORIZATION_SERVER_URL",
            "CAMUNDA_OAUTH_URL");
    String givenAudience = value(environment, "CAMUNDA_TOKEN_AUDIENCE", "ZEEBE_TOKEN_AUDIENCE");
    this.audience = givenAudience != null ? givenAudience : grpcAddress.getHost();
    this.scope = value(environment, "CAMUNDA_TOKEN_SCOPE", "ZEEBE_TOKEN_SCOPE");
    this.resource = value(environment, "CAMUNDA_TOKEN_RESOURCE", "ZEEBE_TOKEN_RESOURCE");
    this.caCertificatePath =
        readableFile(environment, "CAMUNDA_CA_CERTIFICATE_PATH", "ZEEBE_CA_CERTIFICATE_PATH");
    this.overrideAuthority =
        value(environment, "CAMUNDA_OVERRIDE_AUTHORITY", "ZEEBE_OVERRIDE_AUTHORITY");
    String cache = value(environment, "CAMUNDA_CLIENT_CONFIG_PATH", "ZEEBE_CLIENT_CONFIG_PATH");
    this.configuredCache = cache == null ? null : Path.of(cache);
    this.basicUsername = value(environment, "CAMUNDA_BASIC_AUTH_USERNAME");
    this.basicPassword = value(environment, "CAMUNDA_BASIC_AUTH_PASSWORD");
    this.reachTimeout = reachTimeout;
    if (clientId != null && clientSecret == null) {
      throw new IllegalArgumentException(
          "CAMUNDA_CLIENT_SECRET must be set when CAMUNDA_CLIENT_ID is, but it is not");
    }
    if (basicUsername != null && basicPassword == null) {
      throw new IllegalArgumentException(
          "CAMUNDA_BASIC_AUTH_PASSWORD must be set when CAMUNDA_BASIC_AUTH_USERNAME is, but it is"
              + " not");
    }
  }

  @Override
  public void start() {
    try (CamundaClient client = newClientBuilder().preferRestOverGrpc(true).build()) {
      client
          .newTopologyRequest()
          .requestTimeout(reachTimeout)
          .send()
          .join(reachTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      throw new EngineStartException(
          "Expected to reach the engine at "
              + restAddress
              + " (gRPC "
              + grpcAddress
              + ") within "
              + reachTimeout.toSeconds()
              + " s, but "
              + redact(String.valueOf(e.getMessage()))
              + ". Check that the cluster runs, CAMUNDA_REST_ADDRESS and CAMUNDA_GRPC_ADDRESS,"
              + " and the client credentials, or use --engine embedded.");
    }
  }

  @Override
  public URI grpcAddress() {
    return grpcAddress;
  }

  @Override
  public URI restAddress() {
    return restAddress;
  }

  /** Whether OAuth client credentials were given. */
  public boolean usesOAuth() {
    return clientId != null;
  }

  /** Whether basic-auth credentials were given. */
  public boolean usesBasicAuth() {
    return basicUsername != null && clientId == null;
  }

  /** The CA certificate file clients trust, or null for the JVM's default trust store. */
  public String caCertificatePath() {
    return caCertificatePath;
  }

  /**
   * The token cache the clients share: {@code CAMUNDA_CLIENT_CONFIG_PATH}, or this adapter's own
   * file (created with its folder on first use, deleted on {@link #close()}). Null without OAuth.
   */
  public synchronized Path credentialsCachePath() {
    if (clientId == null) {
      return null;
    }
    if (configuredCache != null) {
      return configuredCache;
    }
    if (ownCacheFolder == null) {
      try {
        // the JDK creates temporary folders for their owner only (rwx------ on POSIX)
        ownCacheFolder = Files.createTempDirectory("workerbench-credentials-");
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Expected to create a folder for the client's token cache, but: " + e.getMessage(), e);
      }
    }
    return ownCacheFolder.resolve("credentials");
  }

  @Override
  public CamundaClientBuilder newClientBuilder() {
    CamundaClientBuilder builder =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(grpcAddress)
            .restAddress(restAddress);
    if (caCertificatePath != null) {
      builder.caCertificatePath(caCertificatePath);
    }
    if (overrideAuthority != null) {
      builder.overrideAuthority(overrideAuthority);
    }
    if (clientId != null) {
      var credentials =
          CredentialsProvider.newCredentialsProviderBuilder()
              .applyEnvironmentOverrides(false)
              .clientId(clientId)
              .clientSecret(clientSecret)
              .audience(audience)
              .credentialsCachePath(credentialsCachePath().toString());
      if (authorizationServerUrl != null) {
        credentials.authorizationServerUrl(authorizationServerUrl);
      }
      if (scope != null) {
        credentials.scope(scope);
      }
      if (resource != null) {
        credentials.resource(resource);
      }
      builder.credentialsProvider(credentials.build());
    } else if (basicUsername != null) {
      builder.credentialsProvider(
          CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
              .applyEnvironmentOverrides(false)
              .username(basicUsername)
              .password(basicPassword)
              .build());
    }
    return builder;
  }

  /** Deletes this adapter's own token cache; the cluster is not ours and keeps running. */
  @Override
  public synchronized void close() {
    if (ownCacheFolder == null) {
      return;
    }
    try {
      Files.deleteIfExists(ownCacheFolder.resolve("credentials"));
      Files.deleteIfExists(ownCacheFolder);
    } catch (IOException e) {
      // a leftover file in a folder only this user can read, in the temporary directory
    }
    ownCacheFolder = null;
  }

  /** Addresses and which credentials are used; never a secret. */
  @Override
  public String toString() {
    String auth = usesOAuth() ? "oauth(clientId=" + clientId + ")" : usesBasicAuth() ? "basic" : "none";
    return "RemoteEngine[grpc=" + grpcAddress + ", rest=" + restAddress + ", auth=" + auth + "]";
  }

  private String redact(String message) {
    String result = message;
    for (String secret : List.of(nullToEmpty(clientSecret), nullToEmpty(basicPassword))) {
      if (!secret.isEmpty()) {
        result = result.replace(secret, REDACTED);
      }
    }
    return result;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String value(Map<String, String> environment, String... names) {
    for (String name : names) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static String readableFile(Map<String, String> environment, String... names) {
    String value = value(environment, names);
    if (value != null && !Files.isReadable(Path.of(value))) {
      throw new IllegalArgumentException(
          names[0] + " must name a readable PEM file, but '" + value + "' is not one");
    }
    return value;
  }

  private static URI uri(Map<String, String> environment, String fallback, String... names) {
    String value = value(environment, names);
    if (value == null) {
      return URI.create(fallback);
    }
    try {
      URI uri = URI.create(value.contains("://") ? value : "http://" + value);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          names[0] + " must be an address such as http://host:port, but was '" + value + "'", e);
    }
  }
}
