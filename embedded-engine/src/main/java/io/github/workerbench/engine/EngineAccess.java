package io.github.workerbench.engine;

import io.github.workerbench.engine.auth.AuthMode;
import io.github.workerbench.engine.auth.EngineCredentials;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Who may call the engine, and over what: the credentials every call must carry (none, basic, or
 * a bearer token from the engine's own token endpoint), how long a token lasts, where that
 * endpoint listens, and whether gRPC and REST are served over TLS with a certificate generated at
 * start. The default ({@link #open()}) is what the engine always was: plaintext, no credentials.
 *
 * <p>{@link #toString()} never shows a secret. Immutable and thread-safe.
 *
 * @param credentials what callers present; {@link EngineCredentials#none()} for no authentication
 * @param tokenLifetime how long an issued token is valid (oauth), a whole number of seconds, at
 *     least one
 * @param tokenPort the token endpoint's port (oauth), 0..65535, 0 for a free one
 * @param tls whether gRPC and REST are served over TLS
 */
public record EngineAccess(EngineCredentials credentials, Duration tokenLifetime, int tokenPort, boolean tls) {

  /** Keycloak's default access-token lifespan. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(300);

  private static final EngineAccess OPEN = new EngineAccess(EngineCredentials.none(), DEFAULT_TOKEN_LIFETIME, 0, false);

  public EngineAccess {
    Objects.requireNonNull(credentials, "credentials");
    if (tokenLifetime == null
        || tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0
        || tokenLifetime.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException(
          "token lifetime must be a whole number of seconds, at least 1, but was " + tokenLifetime);
    }
    if (tokenPort < 0 || tokenPort > 65535) {
      throw new IllegalArgumentException("tokenPort must be between 0 and 65535, but was " + tokenPort);
    }
  }

  /**
   * The access the engine's options ask for ({@code --auth}, {@code --token-lifetime}, {@code
   * --token-port}, {@code --tls}), the credentials read from {@code environment} ({@link
   * EngineCredentials#fromEnvironment}).
   *
   * @param tokenLifetime the lifetime asked for, or null for the default
   * @param tokenPort the token endpoint's port asked for, or null for a free one
   * @throws IllegalArgumentException naming the option or the variable at fault (never a value of
   *     a secret)
   */
  public static EngineAccess fromOptions(
      AuthMode auth, Duration tokenLifetime, Integer tokenPort, boolean tls, Map<String, String> environment) {
    if (auth != AuthMode.OAUTH && (tokenLifetime != null || tokenPort != null)) {
      throw new IllegalArgumentException(
          (tokenLifetime != null ? "--token-lifetime" : "--token-port")
              + " applies to --auth oauth only, but auth is "
              + auth.id());
    }
    EngineAccess access = OPEN.withCredentials(EngineCredentials.fromEnvironment(auth, environment)).withTls(tls);
    if (tokenLifetime != null) {
      if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
        throw new IllegalArgumentException("--token-lifetime must be at least 1 second, but was " + tokenLifetime.toSeconds());
      }
      access = access.withTokenLifetime(tokenLifetime);
    }
    if (tokenPort != null) {
      if (tokenPort < 0 || tokenPort > 65535) {
        throw new IllegalArgumentException("--token-port must be a port between 0 and 65535, but was " + tokenPort);
      }
      access = access.withTokenPort(tokenPort);
    }
    return access;
  }

  /** Plaintext, no authentication. */
  public static EngineAccess open() {
    return OPEN;
  }

  /** This access with these credentials. */
  public EngineAccess withCredentials(EngineCredentials newCredentials) {
    return new EngineAccess(newCredentials, tokenLifetime, tokenPort, tls);
  }

  /** This access with this token lifetime. */
  public EngineAccess withTokenLifetime(Duration lifetime) {
    return new EngineAccess(credentials, lifetime, tokenPort, tls);
  }

  /** This access with the token endpoint on this port. */
  public EngineAccess withTokenPort(int port) {
    return new EngineAccess(credentials, tokenLifetime, port, tls);
  }

  /** This access over TLS, or plaintext. */
  public EngineAccess withTls(boolean enabled) {
    return new EngineAccess(credentials, tokenLifetime, tokenPort, enabled);
  }

  /** How callers authenticate. */
  public AuthMode auth() {
    return credentials.mode();
  }
}
