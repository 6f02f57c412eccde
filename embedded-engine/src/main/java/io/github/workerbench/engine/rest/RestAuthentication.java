package io.github.workerbench.engine.rest;

import io.github.workerbench.engine.auth.AccessTokens;
import io.github.workerbench.engine.auth.AuthMode;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST side of authentication, as Camunda's REST API refuses a request: Spring Security's
 * filters in front of every {@code /v2} path, failures written by Camunda's {@code
 * AuthFailureHandler} as a 401 problem titled {@code Unauthorized} whose detail is the Spring
 * exception's message (and, since that handler resets the response, no {@code WWW-Authenticate}
 * header).
 *
 * <ul>
 *   <li>oauth (Spring's resource server, {@code DefaultBearerTokenResolver}): no {@code
 *       Authorization} header, or one of another scheme, is anonymous: "Full authentication is
 *       required to access this resource"; a bearer header not of the form {@code Bearer
 *       <token68>}: "Bearer token is malformed"; an expired token: "An error occurred while
 *       attempting to decode the Jwt: Jwt expired at &lt;instant&gt;"; a token the engine did not
 *       issue: "An error occurred while attempting to decode the Jwt: Malformed token" (what
 *       Camunda's JWT decoder says of any token that is not a JWT it can read).
 *   <li>basic (Spring's {@code BasicAuthenticationConverter}): no header or another scheme is
 *       anonymous, as above; an empty, undecodable or colon-less value: "Empty basic
 *       authentication token", "Failed to decode basic authentication token", "Invalid basic
 *       authentication token"; a wrong username or password: "Bad credentials".
 * </ul>
 *
 * A detail never repeats what the request sent. Stateless apart from the tokens; thread-safe.
 */
public final class RestAuthentication implements RestGuard {

  static final String ANONYMOUS = "Full authentication is required to access this resource";

  private static final Pattern BEARER =
      Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
  private static final String JWT_DECODING = "An error occurred while attempting to decode the Jwt: ";

  private final EngineCredentials credentials;
  private final AccessTokens tokens;

  private RestAuthentication(EngineCredentials credentials, AccessTokens tokens) {
    this.credentials = credentials;
    this.tokens = tokens;
  }

  /**
   * The guard for {@code credentials}' mode: nothing for none, the password for basic, a token
   * from {@code tokens} for oauth.
   */
  public static RestGuard of(EngineCredentials credentials, AccessTokens tokens) {
    return switch (credentials.mode()) {
      case NONE -> request -> null;
      case BASIC -> new RestAuthentication(credentials, null);
      case OAUTH -> new RestAuthentication(credentials, Objects.requireNonNull(tokens, "tokens"));
    };
  }

  @Override
  public Refusal check(HttpRequest request) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    String detail = credentials.mode() == AuthMode.BASIC ? basic(header) : bearer(header);
    return detail == null ? null : new Refusal(401, "Unauthorized", detail);
  }

  private String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
      return ANONYMOUS;
    }
    Matcher matcher = BEARER.matcher(header);
    if (!matcher.matches()) {
      return "Bearer token is malformed";
    }
    AccessTokens.Check check = tokens.check(matcher.group("token"));
    return switch (check.status()) {
      case VALID -> null;
      // a JWT's expiry is in whole seconds, and Spring prints it as an Instant
      case EXPIRED -> JWT_DECODING + "Jwt expired at " + check.expiredAt().truncatedTo(ChronoUnit.SECONDS);
      case UNKNOWN -> JWT_DECODING + "Malformed token";
    };
  }

  private String basic(String header) {
    if (header == null) {
      return ANONYMOUS;
    }
    String value = header.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith("basic")) {
      return ANONYMOUS;
    }
    if (value.equalsIgnoreCase("basic")) {
      return "Empty basic authentication token";
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "Failed to decode basic authentication token";
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return "Invalid basic authentication token";
    }
    return credentials.matches(decoded.substring(0, colon), decoded.substring(colon + 1)) ? null : "Bad credentials";
  }

  /** The mode; never a credential. */
  @Override
  public String toString() {
    return "RestAuthentication[" + credentials.mode().id() + "]";
  }
}
