package io.github.workerbench.engine.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bound Netty HTTP/1.1 server socket and the event loop it runs on, shared by the engine's
 * HTTP endpoints (REST, token, management) so that each states only its pipeline and handler.
 * The loop is the listener's own: {@link #close()} closes the channel, then shuts the loop down.
 *
 * <p>Start once, close once; not thread-safe for either. For the engine's endpoints only.
 */
public final class HttpListener implements AutoCloseable {

  private final EventLoopGroup group;
  private final Channel channel;

  private HttpListener(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /**
   * Binds to {@code host}:{@code port} (0 picks a free port) on a loop of {@code threads}
   * threads; {@code pipeline} sets up each accepted connection's channel.
   *
   * @throws RuntimeException wrapping the bind failure (e.g. port in use); the loop is shut down
   */
  public static HttpListener bind(String host, int port, int threads, Consumer<SocketChannel> pipeline) {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      pipeline.accept(ch);
                    }
                  })
              .bind(new InetSocketAddress(host, port))
              .syncUninterruptibly()
              .channel();
      return new HttpListener(group, channel);
    } catch (RuntimeException e) {
      shutDown(group);
      throw e;
    }
  }

  /**
   * Binds a small endpoint: one thread, whole requests of up to 64 KiB, each handed to {@code
   * handler} (which must be sharable: every connection gets the same one).
   *
   * @throws RuntimeException wrapping the bind failure (e.g. port in use); the loop is shut down
   */
  public static HttpListener bind(String host, int port, ChannelHandler handler) {
    return bind(
        host,
        port,
        1,
        ch ->
            ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(64 * 1024))
                .addLast(handler));
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    shutDown(group);
  }

  private static void shutDown(EventLoopGroup group) {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** A request's path: its URI without the query. */
  public static String path(HttpRequest request) {
    String uri = request.uri();
    int query = uri.indexOf('?');
    return query >= 0 ? uri.substring(0, query) : uri;
  }

  /**
   * Sends a whole answer with its content length, keeping the connection open when the request
   * asked for keep-alive and closing it after the write otherwise.
   */
  public static void send(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
    HttpUtil.setContentLength(response, response.content().readableBytes());
    if (HttpUtil.isKeepAlive(request)) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
