package io.github.workerbench.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * The one identity the engine accepts: a username and password for {@link AuthMode#BASIC}, a
 * client id and secret for {@link AuthMode#OAUTH} (presented at the token endpoint), nothing for
 * {@link AuthMode#NONE}. They come from the environment ({@link #fromEnvironment}), never from a
 * command line, where other users of the machine could read them.
 *
 * <p>{@link #toString()} never shows the secret; nothing else of this type prints it. Immutable and
 * thread-safe.
 *
 * @param mode how callers authenticate
 * @param id the username or client id; empty for {@link AuthMode#NONE}
 * @param secret the password or client secret; empty for {@link AuthMode#NONE}
 */
public record EngineCredentials(AuthMode mode, String id, String secret) {

  /** The client id the engine's token endpoint accepts ({@code --auth oauth}). */
  public static final String CLIENT_ID_VARIABLE = "WORKERBENCH_ENGINE_CLIENT_ID";

  /** The client secret the engine's token endpoint accepts ({@code --auth oauth}). */
  public static final String CLIENT_SECRET_VARIABLE = "WORKERBENCH_ENGINE_CLIENT_SECRET";

  /** The username every call must carry ({@code --auth basic}). */
  public static final String USERNAME_VARIABLE = "WORKERBENCH_ENGINE_USERNAME";

  /** The password every call must carry ({@code --auth basic}). */
  public static final String PASSWORD_VARIABLE = "WORKERBENCH_ENGINE_PASSWORD";

  private static final EngineCredentials NONE = new EngineCredentials(AuthMode.NONE, "", "");

  public EngineCredentials {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    if (mode != AuthMode.NONE && (id.isBlank() || secret.isEmpty())) {
      throw new IllegalArgumentException("credentials for auth " + mode.id() + " need an id and a secret");
    }
    if (mode == AuthMode.BASIC && id.contains(":")) {
      // basic authentication joins username and password with the first colon
      throw new IllegalArgumentException("a basic-auth username must not contain ':'");
    }
  }

  /** No authentication. */
  public static EngineCredentials none() {
    return NONE;
  }

  /** Basic authentication with this username and password. */
  public static EngineCredentials basic(String username, String password) {
    return new EngineCredentials(AuthMode.BASIC, username, password);
  }

  /** OAuth client credentials with this client id and secret. */
  public static EngineCredentials oauth(String clientId, String clientSecret) {
    return new EngineCredentials(AuthMode.OAUTH, clientId, clientSecret);
  }

  /**
   * The credentials {@code mode} needs, read from {@code environment}: {@value #CLIENT_ID_VARIABLE}
   * and {@value #CLIENT_SECRET_VARIABLE} for oauth, {@value #USERNAME_VARIABLE} and {@value
   * #PASSWORD_VARIABLE} for basic.
   *
   * @throws IllegalArgumentException naming the first variable that is missing or blank (never
   *     its value)
   */
  public static EngineCredentials fromEnvironment(AuthMode mode, Map<String, String> environment) {
    return switch (mode) {
      case NONE -> NONE;
      case BASIC ->
          basic(
              required(environment, USERNAME_VARIABLE, mode), required(environment, PASSWORD_VARIABLE, mode));
      case OAUTH ->
          oauth(
              required(environment, CLIENT_ID_VARIABLE, mode),
              required(environment, CLIENT_SECRET_VARIABLE, mode));
    };
  }

  /**
   * Whether {@code candidateId} and {@code candidateSecret} are these credentials. Compares in
   * time independent of where they differ, so timing tells a caller nothing.
   */
  public boolean matches(String candidateId, String candidateSecret) {
    if (mode == AuthMode.NONE || candidateId == null || candidateSecret == null) {
      return false;
    }
    boolean idMatches = constantTimeEquals(id, candidateId);
    boolean secretMatches = constantTimeEquals(secret, candidateSecret);
    return idMatches & secretMatches;
  }

  /** Whether {@code candidateId} is this identity's id (for answers that tell unknown from wrong). */
  public boolean hasId(String candidateId) {
    return mode != AuthMode.NONE && candidateId != null && constantTimeEquals(id, candidateId);
  }

  private static boolean constantTimeEquals(String expected, String candidate) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  private static String required(Map<String, String> environment, String name, AuthMode mode) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " must be set in the environment for --auth " + mode.id() + ", but it is not");
    }
    return value;
  }

  /** The mode and id; never the secret. */
  @Override
  public String toString() {
    return mode == AuthMode.NONE ? "EngineCredentials[none]" : "EngineCredentials[" + mode.id() + ", id=" + id + "]";
  }
}
