package io.github.workerbench.engine.auth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How callers of the engine authenticate, as a Camunda cluster can be configured: not at all,
 * with a username and password on every call (basic), or with a bearer token obtained from an
 * OAuth 2.0 client-credentials token endpoint (oauth, as SaaS and self-managed with an identity
 * provider).
 */
public enum AuthMode {
  NONE("none"),
  BASIC("basic"),
  OAUTH("oauth");

  private final String id;

  AuthMode(String id) {
    this.id = id;
  }

  /** The name a user writes: {@code none}, {@code basic} or {@code oauth}. */
  public String id() {
    return id;
  }

  /**
   * The mode named {@code id}.
   *
   * @throws IllegalArgumentException naming the modes there are
   */
  public static AuthMode fromId(String id) {
    for (AuthMode mode : values()) {
      if (mode.id.equals(id == null ? null : id.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "auth must be one of "
            + Arrays.stream(values()).map(AuthMode::id).collect(Collectors.joining(", "))
            + ", but was '"
            + id
            + "'");
  }
}
