package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.cluster.SimulatedCluster;
import io.github.workerbench.engine.internal.HttpListener;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes the REST endpoint answer as a remote cluster does ({@link SimulatedCluster}); it sits in
 * the pipeline just before {@link RestHandler}, which it leaves as it is. Every request reaches
 * the handler one latency later (so its answer comes that much later, and a long poll is parked
 * that much later), on the connection's own event loop; a command beyond the in-flight limit is
 * refused, after the latency, with the problem Camunda's REST gateway answers to back-pressure
 * since 8.8: {@code 503} titled {@code RESOURCE_EXHAUSTED}. Job completion and failure, instance
 * cancellation and deployment are never refused, as Zeebe never refuses them; the topology and
 * the instance search are no commands.
 *
 * <p>Sharable and thread-safe: it keeps nothing per connection (HTTP/1.1 has one request in flight
 * per connection), and a request whose connection closed while it travelled is dropped.
 */
@ChannelHandler.Sharable
final class SimulatedClusterHandler extends ChannelInboundHandlerAdapter {

  private static final Pattern NEVER_REFUSED =
      Pattern.compile(
          "/v2/jobs/[^/]+/(completion|failure)|/v2/process-instances/[^/]+/cancellation|/v2/deployments");
  private static final Pattern NO_COMMAND = Pattern.compile("/v2/topology|/v2/process-instances/search");
  private static final String ACTIVATION = "/v2/jobs/activation";

  private final SimulatedCluster cluster;
  private final ObjectMapper mapper;
  private final RestJson answers;

  SimulatedClusterHandler(SimulatedCluster cluster, ObjectMapper mapper, RestJson answers) {
    this.cluster = cluster;
    this.mapper = mapper;
    this.answers = answers;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof FullHttpRequest request) || !cluster.conditions().active()) {
      ctx.fireChannelRead(message);
      return;
    }
    String path = HttpListener.path(request);
    boolean command = !(request.method().equals(HttpMethod.GET) || NO_COMMAND.matcher(path).matches());
    boolean admitted = !command || cluster.admit(NEVER_REFUSED.matcher(path).matches());
    long delay = cluster.nextDelayNanos();
    if (admitted) {
      later(ctx, delay, () -> deliver(ctx, request, command));
      return;
    }
    String detail =
        ACTIVATION.equals(path)
            ? SimulatedCluster.activationRefused(jobType(request))
            : SimulatedCluster.REQUEST_LIMIT_EXHAUSTED;
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    ReferenceCountUtil.release(request);
    later(
        ctx,
        delay,
        () -> {
          if (ctx.channel().isActive()) {
            new RestReply(ctx.channel(), keepAlive, path, mapper, answers)
                .problem(HttpResponseStatus.SERVICE_UNAVAILABLE, "RESOURCE_EXHAUSTED", detail);
          }
        });
  }

  private void deliver(ChannelHandlerContext ctx, FullHttpRequest request, boolean command) {
    try {
      if (ctx.channel().isActive()) {
        // RestHandler releases the request once it has read it
        ctx.fireChannelRead(request);
      } else {
        // the connection closed while the request travelled: a poll must not park on it
        ReferenceCountUtil.release(request);
      }
    } finally {
      if (command) {
        cluster.release();
      }
    }
  }

  private static void later(ChannelHandlerContext ctx, long delayNanos, Runnable task) {
    if (delayNanos <= 0) {
      task.run();
    } else {
      ctx.executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** The requested job type, for the refusal's message; empty when the body does not say. */
  private String jobType(FullHttpRequest request) {
    try (ByteBufInputStream body = new ByteBufInputStream(request.content().duplicate())) {
      JsonNode node = mapper.readTree(body);
      return node == null ? "" : node.path("type").asText("");
    } catch (IOException | RuntimeException unreadable) {
      return "";
    }
  }
}
