package io.github.workerbench.engine.management;

import io.github.workerbench.engine.internal.HttpListener;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The management endpoint of Camunda's container contract, on its own port (9600 in Camunda's
 * image): {@value #READINESS} answers 200 {@code {"status":"UP"}} while the engine serves and
 * 503 {@code {"status":"OUT_OF_SERVICE"}} once it is closing, {@value #LIVENESS} and {@value
 * #HEALTH} answer 200 while the process runs; anything else is 404. Orchestrators and
 * Testcontainers' wait strategies therefore treat this engine as they treat Camunda's.
 *
 * <p>One event-loop thread; start once, close once. {@link #markClosing()} may be called from
 * any thread.
 */
public final class ManagementServer implements AutoCloseable {

  /** Spring Boot's readiness probe path, as Camunda serves it. */
  public static final String READINESS = "/actuator/health/readiness";

  /** Spring Boot's liveness probe path, as Camunda serves it. */
  public static final String LIVENESS = "/actuator/health/liveness";

  /** Spring Boot's overall health path. */
  public static final String HEALTH = "/actuator/health";

  private volatile boolean ready = true;
  private HttpListener listener;

  private ManagementServer() {}

  /**
   * Binds and starts serving; call it once the engine's own endpoints accept calls, since
   * readiness answers UP from the first request on.
   *
   * @throws RuntimeException wrapping the bind failure (e.g. port in use)
   */
  public static ManagementServer start(String host, int port) {
    ManagementServer server = new ManagementServer();
    HealthHandler handler = new HealthHandler(server);
    server.listener = HttpListener.bind(host, port, handler);
    return server;
  }

  /** The bound port. */
  public int port() {
    return listener.port();
  }

  /** Readiness answers OUT_OF_SERVICE from now on: the engine is shutting down. */
  public void markClosing() {
    ready = false;
  }

  @Override
  public void close() {
    markClosing();
    if (listener != null) {
      listener.close();
    }
  }

  @ChannelHandler.Sharable
  private static final class HealthHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ManagementServer server;

    HealthHandler(ManagementServer server) {
      this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = HttpListener.path(request);
      boolean get = request.method().equals(HttpMethod.GET);
      FullHttpResponse response;
      if (get && path.equals(READINESS)) {
        response =
            server.ready
                ? status(HttpResponseStatus.OK, "UP")
                : status(HttpResponseStatus.SERVICE_UNAVAILABLE, "OUT_OF_SERVICE");
      } else if (get && (path.equals(LIVENESS) || path.equals(HEALTH))) {
        response = status(HttpResponseStatus.OK, "UP");
      } else {
        response = status(HttpResponseStatus.NOT_FOUND, "UNKNOWN");
      }
      HttpListener.send(ctx, request, response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    private static FullHttpResponse status(HttpResponseStatus code, String status) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              code,
              Unpooled.copiedBuffer("{\"status\":\"" + status + "\"}", StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      return response;
    }
  }
}
