package io.github.workerbench.core.workload;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The downstream service of the {@code http} workload: a loopback HTTP/1.1 server that answers
 * {@code GET /work?nanos=N} ({@link HttpWorkload#query}) with {@code 200 ok} N nanoseconds after the request arrived, as a
 * service that takes the job's work duration to answer. It holds no thread per request: each
 * answer is a timer on the connection's event loop (two loops in all), and writing it is a
 * non-blocking hand-over to the socket, so thousands of calls in flight cost it two threads and
 * their sockets, answers due at once go out within microseconds of each other, and the workers'
 * threads and memory are what the figures show. Each answer carries {@value #HELD_HEADER}, the
 * nanoseconds the service held it (read to check that its answers hold their duration).
 *
 * <p>Started by the harness for a repeat of {@code http} work ({@link #start()}), on an ephemeral
 * port; closed with the worker. Thread-safe.
 */
public final class DownstreamService implements AutoCloseable {

  /** The response header holding the nanoseconds between the request's arrival and its answer. */
  public static final String HELD_HEADER = "x-held-nanos";

  private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
  private static final int BACKLOG = 4_096;
  private static final int LOOPS = 2;

  private final EventLoopGroup loops;
  private final Channel channel;
  private final URI uri;

  private DownstreamService(EventLoopGroup loops, Channel channel) {
    this.loops = loops;
    this.channel = channel;
    this.uri =
        URI.create(
            "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + "/work");
  }

  /**
   * Starts a service on 127.0.0.1 and a free port.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static DownstreamService start() {
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(LOOPS, NioIoHandler.newFactory());
    Answering answering = new Answering();
    try {
      Channel channel =
          new ServerBootstrap()
              .group(loops)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, BACKLOG)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpObjectAggregator(64 * 1024))
                          .addLast(answering);
                    }
                  })
              .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .syncUninterruptibly()
              .channel();
      return new DownstreamService(loops, channel);
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new UncheckedIOException(
          new java.io.IOException(
              "Expected to start the http workload's downstream service on loopback, but " + e, e));
    }
  }

  /** The address of one call: {@code http://127.0.0.1:<port>/work}; add {@link HttpWorkload#query}. */
  public URI uri() {
    return uri;
  }

  /** Answers each request when its duration has passed, on its connection's event loop. */
  @ChannelHandler.Sharable
  private static final class Answering extends SimpleChannelInboundHandler<FullHttpRequest> {

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      long arrived = System.nanoTime();
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      List<String> nanos = new QueryStringDecoder(request.uri()).parameters().get("nanos");
      long delay;
      try {
        delay = Long.parseLong(nanos == null ? "" : nanos.get(0));
      } catch (NumberFormatException e) {
        answer(ctx, HttpResponseStatus.BAD_REQUEST, keepAlive, arrived);
        return;
      }
      ctx.executor()
          .schedule(
              () -> answer(ctx, HttpResponseStatus.OK, keepAlive, arrived),
              Math.max(0, delay),
              TimeUnit.NANOSECONDS);
    }

    private static void answer(
        ChannelHandlerContext ctx, HttpResponseStatus status, boolean keepAlive, long arrived) {
      ByteBuf body = Unpooled.wrappedBuffer(OK);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
      response.headers().set(HELD_HEADER, Long.toString(System.nanoTime() - arrived));
      HttpUtil.setContentLength(response, OK.length);
      HttpUtil.setKeepAlive(response, keepAlive);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
      var written = ctx.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // a caller that went away; its job's work failed on its side
      ctx.close();
    }
  }

  /** Stops accepting and answering at once; calls still waiting fail on the caller's side. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
