package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An existing cluster, addressed and authenticated through the environment variables the
 * Camunda client itself reads: the {@code CAMUNDA_*} name first, then its legacy {@code ZEEBE_*}
 * twin. Addresses: {@code CAMUNDA_GRPC_ADDRESS}, {@code CAMUNDA_REST_ADDRESS} (defaults
 * {@code http://localhost:26500} and {@code http://localhost:8080}). OAuth client credentials,
 * used when {@code CAMUNDA_CLIENT_ID} is set: {@code CAMUNDA_CLIENT_SECRET},
 * {@code CAMUNDA_AUTHORIZATION_SERVER_URL} (or the console's {@code CAMUNDA_OAUTH_URL}),
 * {@code CAMUNDA_TOKEN_AUDIENCE}, {@code CAMUNDA_TOKEN_SCOPE}. Basic auth, used when
 * {@code CAMUNDA_BASIC_AUTH_USERNAME} is set: {@code CAMUNDA_BASIC_AUTH_PASSWORD}.
 *
 * <p>The environment is handed in as a map so tests pass fakes; nothing else of it is read.
 * Secrets never appear in {@link #toString()} nor in any exception message. {@link #start()}
 * only checks that the cluster answers a topology request; closing leaves the cluster running.
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
  private final String basicUsername;
  private final String basicPassword;
  private final Duration reachTimeout;

  /**
   * A remote engine described by {@code environment}.
   *
   * @throws IllegalArgumentException naming the variable when an address is not a URI, or a
   *     secret is missing for a given id
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
    this.audience = value(environment, "CAMUNDA_TOKEN_AUDIENCE", "ZEEBE_TOKEN_AUDIENCE");
    this.scope = value(environment, "CAMUNDA_TOKEN_SCOPE", "ZEEBE_TOKEN_SCOPE");
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

  @Override
  public CamundaClientBuilder newClientBuilder() {
    CamundaClientBuilder builder =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(grpcAddress)
            .restAddress(restAddress);
    if (clientId != null) {
      var credentials =
          CredentialsProvider.newCredentialsProviderBuilder()
              .applyEnvironmentOverrides(false)
              .clientId(clientId)
              .clientSecret(clientSecret);
      if (authorizationServerUrl != null) {
        credentials.authorizationServerUrl(authorizationServerUrl);
      }
      if (audience != null) {
        credentials.audience(audience);
      }
      if (scope != null) {
        credentials.scope(scope);
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

  /** Nothing to stop: the cluster is not ours. */
  @Override
  public void close() {}

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
