package io.github.workerbench.engine.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.internal.HttpListener;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAuth 2.0 client-credentials token endpoint (RFC 6749 §4.4), {@code POST } {@value #PATH}
 * with a form-encoded body, answering as Keycloak does (the identity provider Camunda
 * self-managed ships; SaaS answers in the same shape):
 *
 * <ul>
 *   <li>200 {@code {"access_token", "expires_in", "refresh_expires_in": 0, "token_type":
 *       "Bearer", "not-before-policy": 0}}, a new token from {@link AccessTokens} each time;
 *   <li>no {@code grant_type}: 400 {@code invalid_request} "Missing form parameter: grant_type";
 *       one other than {@code client_credentials}: 400 {@code unsupported_grant_type} "Unsupported
 *       grant_type" (Keycloak checks the grant type before the client);
 *   <li>no client id: 400 {@code invalid_client} "Missing client_id parameter"; an unknown one:
 *       401 {@code invalid_client}, a known one with a missing or wrong secret: 401 {@code
 *       unauthorized_client}, both "Invalid client or Invalid client credentials" (Keycloak's
 *       {@code unauthorized_client} here, not RFC 6749's {@code invalid_client});
 *   <li>a parameter given twice: 400 {@code invalid_request} "duplicated parameter".
 * </ul>
 *
 * The client authenticates with {@code client_id} and {@code client_secret} in the form (what the
 * Camunda client sends) or with HTTP Basic (RFC 6749 §2.3.1). {@code audience}, {@code scope} and
 * {@code resource} are accepted and ignored, as Keycloak ignores an audience in this grant. Every
 * answer is JSON with {@code Cache-Control: no-store} and {@code Pragma: no-cache} (§5.1). Another
 * method is 405, another body type 415, another path 404. Nothing it answers or logs holds a
 * secret or a token other than the one issued to the caller.
 *
 * <p>Plain HTTP on the engine's (loopback) host, also when the engine serves TLS: the Camunda
 * client reads its CA certificate for the gateway only, not for the token endpoint. One event-loop
 * thread; start once, close once.
 */
public final class TokenEndpoint implements AutoCloseable {

  /** The path the endpoint answers on. */
  public static final String PATH = "/oauth/token";

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String BAD_CLIENT = "Invalid client or Invalid client credentials";

  private final String host;
  private HttpListener listener;

  private TokenEndpoint(String host) {
    this.host = host;
  }

  /**
   * Binds to {@code host}:{@code port} (0 picks a free port) and serves tokens for {@code
   * credentials}.
   *
   * @throws RuntimeException wrapping the bind failure (e.g. port in use)
   */
  public static TokenEndpoint start(String host, int port, EngineCredentials credentials, AccessTokens tokens) {
    if (credentials.mode() != AuthMode.OAUTH) {
      throw new IllegalArgumentException("a token endpoint needs oauth credentials, but the mode is " + credentials.mode().id());
    }
    TokenEndpoint endpoint = new TokenEndpoint(host);
    TokenHandler handler = new TokenHandler(credentials, tokens, new ObjectMapper());
    endpoint.listener = HttpListener.bind(host, port, handler);
    return endpoint;
  }

  /** The bound port. */
  public int port() {
    return listener.port();
  }

  /** The URL clients fetch tokens from, e.g. {@code http://127.0.0.1:41234/oauth/token}. */
  public String url() {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + literal + ":" + port() + PATH;
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
  }

  /** One answer: status and JSON body. */
  private record Answer(HttpResponseStatus status, Map<String, Object> body) {

    static Answer error(HttpResponseStatus status, String error, String description) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", error);
      body.put("error_description", description);
      return new Answer(status, body);
    }
  }

  @ChannelHandler.Sharable
  private static final class TokenHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final EngineCredentials credentials;
    private final AccessTokens tokens;
    private final ObjectMapper mapper;

    TokenHandler(EngineCredentials credentials, AccessTokens tokens, ObjectMapper mapper) {
      this.credentials = credentials;
      this.tokens = tokens;
      this.mapper = mapper;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      Answer answer = answer(request);
      if (answer.status().code() != 200) {
        LOG.debug("token endpoint refused a request: {} {}", answer.status().code(), answer.body().get("error"));
      }
      byte[] bytes;
      try {
        bytes = mapper.writeValueAsBytes(answer.body());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Expected to write a token answer, but: " + e.getMessage(), e);
      }
      FullHttpResponse response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(), Unpooled.wrappedBuffer(bytes));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
      response.headers().set(HttpHeaderNames.PRAGMA, HttpHeaderValues.NO_CACHE);
      if (answer.status().equals(HttpResponseStatus.METHOD_NOT_ALLOWED)) {
        response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name());
      }
      HttpListener.send(ctx, request, response);
    }

    private Answer answer(FullHttpRequest request) {
      String path = new QueryStringDecoder(request.uri()).path();
      if (!path.equals(PATH)) {
        return Answer.error(HttpResponseStatus.NOT_FOUND, "invalid_request", "The token endpoint is POST " + PATH);
      }
      if (!request.method().equals(HttpMethod.POST)) {
        return Answer.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "invalid_request", "The token endpoint takes POST only");
      }
      String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
      if (!contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
        return Answer.error(
            HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request", "Expected a body of type " + FORM);
      }
      Map<String, List<String>> form;
      try {
        form =
            new QueryStringDecoder(request.content().toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false)
                .parameters();
      } catch (IllegalArgumentException e) {
        // the decoder's message quotes the body, which holds the secret: not repeated
        return Answer.error(HttpResponseStatus.BAD_REQUEST, "invalid_request", "Expected a well-formed " + FORM + " body");
      }
      String grantType = first(form, "grant_type");
      if (grantType == null) {
        return Answer.error(HttpResponseStatus.BAD_REQUEST, "invalid_request", "Missing form parameter: grant_type");
      }
      if (!grantType.equals("client_credentials")) {
        return Answer.error(HttpResponseStatus.BAD_REQUEST, "unsupported_grant_type", "Unsupported grant_type");
      }
      String[] client = client(request, form);
      if (client[0] == null) {
        return Answer.error(HttpResponseStatus.BAD_REQUEST, "invalid_client", "Missing client_id parameter");
      }
      if (!credentials.hasId(client[0])) {
        return Answer.error(HttpResponseStatus.UNAUTHORIZED, "invalid_client", BAD_CLIENT);
      }
      if (!credentials.matches(client[0], client[1])) {
        return Answer.error(HttpResponseStatus.UNAUTHORIZED, "unauthorized_client", BAD_CLIENT);
      }
      if (form.values().stream().anyMatch(values -> values.size() != 1)) {
        return Answer.error(HttpResponseStatus.BAD_REQUEST, "invalid_request", "duplicated parameter");
      }
      AccessTokens.Issued issued = tokens.issue();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", issued.token());
      body.put("expires_in", issued.expiresInSeconds());
      body.put("refresh_expires_in", 0);
      body.put("token_type", "Bearer");
      body.put("not-before-policy", 0);
      return new Answer(HttpResponseStatus.OK, body);
    }

    /** Client id and secret: from an HTTP Basic header if there is one, else from the form. */
    private static String[] client(FullHttpRequest request, Map<String, List<String>> form) {
      String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
      if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String decoded =
              new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          if (colon > 0) {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined
            return new String[] {
              URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
              URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
          }
        } catch (IllegalArgumentException e) {
          // not a client's Basic header: fall back to the form, as an unreadable header names no client
        }
      }
      return new String[] {first(form, "client_id"), first(form, "client_secret")};
    }

    private static String first(Map<String, List<String>> form, String name) {
      List<String> values = form.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // the type only: a message could quote the request, which holds a secret
      LOG.debug("token endpoint connection failed: {}", cause.getClass().getName());
      ctx.close();
    }
  }
}
