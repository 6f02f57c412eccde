package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.internal.HttpListener;
import io.github.workerbench.engine.state.EngineState;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AttributeKey;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST v2 endpoint's request handler: the one place every request is dispatched. A request
 * first passes the guards ({@link RestGuard}: authentication), the first refusal being its
 * answer; then the route table ({@link RestRoutes}) sends it to an endpoint over the shared {@link
 * EngineState}, and whatever the endpoint throws becomes its {@code application/problem+json}
 * answer ({@link RestReply#failed}). Every answer has the shapes of one {@link ApiVersion}.
 * Handlers never block the event loop: a long poll parks in the engine and its
 * answer is written from whichever thread frees jobs; a poll whose connection closes is forgotten
 * at once, so it never takes jobs. Sharable and thread-safe.
 */
@ChannelHandler.Sharable
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  /** The poll parked on a connection (HTTP/1.1: one request in flight per connection). */
  static final AttributeKey<EngineState.PollRegistration> PARKED_POLL = AttributeKey.valueOf("workerbench.parkedPoll");

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final EngineState state;
  private final ObjectMapper mapper;
  private final RestJson answers;
  private final List<RestGuard> guards;
  private final RestRoutes routes;

  /** The latest API version, no guards. */
  RestHandler(EngineState state, ObjectMapper mapper, String host, IntSupplier grpcPort) {
    this(state, mapper, host, grpcPort, ApiVersion.latest(), List.of());
  }

  /**
   * @param host the host the topology names
   * @param grpcPort the bound gRPC port, read lazily for topology answers
   * @param guards what every request passes before its route, in this order
   */
  RestHandler(
      EngineState state,
      ObjectMapper mapper,
      String host,
      IntSupplier grpcPort,
      ApiVersion version,
      List<RestGuard> guards) {
    this.state = state;
    this.mapper = mapper;
    this.answers = new RestJson(version);
    this.guards = List.copyOf(guards);
    RestRoutes.Endpoint topology =
        call -> call.reply().json(HttpResponseStatus.OK, call.reply().answers().topology(host, grpcPort.getAsInt()));
    this.routes = new RestRoutes(topology, new InstanceEndpoints(state), new JobEndpoints(state));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = HttpListener.path(request);
    RestReply reply = new RestReply(ctx.channel(), HttpUtil.isKeepAlive(request), path, mapper, answers);
    for (RestGuard guard : guards) {
      RestGuard.Refusal refusal = guard.check(request);
      if (refusal != null) {
        reply.problem(HttpResponseStatus.valueOf(refusal.status()), refusal.title(), refusal.detail());
        return;
      }
    }
    RestRoutes.Match match = routes.find(request.method(), path);
    if (match == null) {
      reply.problem(
          HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "The embedded engine does not serve " + request.method() + " " + path);
      return;
    }
    try {
      match.endpoint().handle(new RestCall(request, match.pathParameters(), reply, mapper));
    } catch (Exception e) {
      reply.failed(e);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    EngineState.PollRegistration poll = ctx.channel().attr(PARKED_POLL).getAndSet(null);
    if (poll != null) {
      state.cancel(poll);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("REST connection failed", cause);
    ctx.close();
  }
}
