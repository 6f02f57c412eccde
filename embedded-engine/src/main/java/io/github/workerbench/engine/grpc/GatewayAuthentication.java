package io.github.workerbench.engine.grpc;

import io.github.workerbench.engine.auth.AccessTokens;
import io.github.workerbench.engine.auth.AuthMode;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The gRPC side of authentication, as Camunda's gateway refuses a call ({@code
 * AuthenticationInterceptor} with its {@code AuthenticationHandler}s): a call without valid
 * credentials in its {@code authorization} metadata is closed at once with UNAUTHENTICATED and
 * empty trailers, so it reaches no RPC and changes nothing in the engine. The descriptions are
 * Camunda's:
 *
 * <ul>
 *   <li>no header: "Expected authentication information at header with key [authorization], but
 *       found nothing";
 *   <li>another scheme: "Expected authentication information to start with 'Bearer '" (or
 *       {@code 'Basic '});
 *   <li>oauth, a token expired or not issued here: "Expected a valid token, see cause for
 *       details" (the cause never crosses the wire);
 *   <li>basic, a wrong username or password: "Invalid credentials". A value that is not base64 of
 *       {@code user:password} makes Camunda's handler throw (the call ends UNKNOWN); here it is
 *       "Invalid credentials" too.
 * </ul>
 *
 * Like Camunda's, it runs once per call, when the call starts: a job stream opened with a valid
 * token stays open after the token expires. A description never repeats what the call sent.
 * Thread-safe.
 */
public final class GatewayAuthentication implements ServerInterceptor {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";
  private static final String BASIC = "Basic ";
  private static final String INVALID_CREDENTIALS = "Invalid credentials";

  private final EngineCredentials credentials;
  private final AccessTokens tokens;

  /**
   * @param credentials what callers must present; not {@link AuthMode#NONE}
   * @param tokens the tokens oauth accepts; may be null for basic
   */
  public GatewayAuthentication(EngineCredentials credentials, AccessTokens tokens) {
    if (credentials.mode() == AuthMode.NONE) {
      throw new IllegalArgumentException("gRPC authentication needs basic or oauth credentials, but the mode is none");
    }
    this.credentials = credentials;
    this.tokens = credentials.mode() == AuthMode.OAUTH ? Objects.requireNonNull(tokens, "tokens") : tokens;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    String authorization = headers.get(AUTHORIZATION);
    String refusal;
    if (authorization == null) {
      refusal =
          "Expected authentication information at header with key ["
              + AUTHORIZATION.name()
              + "], but found nothing";
    } else {
      refusal = credentials.mode() == AuthMode.OAUTH ? bearer(authorization) : basic(authorization);
    }
    if (refusal == null) {
      return next.startCall(call, headers);
    }
    call.close(Status.UNAUTHENTICATED.withDescription(refusal), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  private String bearer(String authorization) {
    if (!authorization.startsWith(BEARER)) {
      return "Expected authentication information to start with '" + BEARER + "'";
    }
    AccessTokens.Status status = tokens.check(authorization.substring(BEARER.length())).status();
    return status == AccessTokens.Status.VALID ? null : "Expected a valid token, see cause for details";
  }

  private String basic(String authorization) {
    if (!authorization.startsWith(BASIC)) {
      return "Expected authentication information to start with '" + BASIC + "'";
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length())), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return INVALID_CREDENTIALS;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return INVALID_CREDENTIALS;
    }
    return credentials.matches(decoded.substring(0, colon), decoded.substring(colon + 1)) ? null : INVALID_CREDENTIALS;
  }

  /** The mode; never a credential. */
  @Override
  public String toString() {
    return "GatewayAuthentication[" + credentials.mode().id() + "]";
  }
}
