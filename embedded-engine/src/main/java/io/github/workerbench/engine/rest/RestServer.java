package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.state.EngineState;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The REST v2 endpoint on Netty (HTTP/1.1, keep-alive). Start once, close once; {@link #port()}
 * is valid after {@link #start}. Not thread-safe for start/close.
 */
public final class RestServer implements AutoCloseable {

  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private Channel channel;

  /**
   * Binds and starts serving.
   *
   * @throws java.io.UncheckedIOException wrapping the bind failure (e.g. port in use)
   */
  public static RestServer start(
      String host, int port, EngineState state, ObjectMapper mapper, IntSupplier grpcPort) {
    return start(host, port, state, mapper, grpcPort, host);
  }

  /**
   * Binds to {@code host} and starts serving; the topology names {@code advertisedHost} (the
   * machine's name when {@code host} is the wildcard address).
   *
   * @throws java.io.UncheckedIOException wrapping the bind failure (e.g. port in use)
   */
  public static RestServer start(
      String host,
      int port,
      EngineState state,
      ObjectMapper mapper,
      IntSupplier grpcPort,
      String advertisedHost) {
    RestServer server = new RestServer();
    RestHandler handler = new RestHandler(state, mapper, advertisedHost, grpcPort);
    try {
      server.channel =
          new ServerBootstrap()
              .group(server.group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
                          .addLast(handler);
                    }
                  })
              .bind(new InetSocketAddress(host, port))
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
