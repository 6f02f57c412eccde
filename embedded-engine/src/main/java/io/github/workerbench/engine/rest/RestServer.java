package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.ApiVersion;
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
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The REST v2 endpoint on Netty (HTTP/1.1, keep-alive; over TLS when given a context). Start once,
 * close once; {@link #port()} is valid after {@link #start}. Not thread-safe for start/close.
 */
public final class RestServer implements AutoCloseable {

  /**
   * How the endpoint answers, beyond where it listens.
   *
   * @param advertisedHost the host the topology names (the machine's name when the endpoint
   *     listens on the wildcard address); null for the bound host
   * @param apiVersion the contract of every answer
   * @param guards what every request passes before its route, in this order (authentication)
   * @param tls the server's TLS context, or null for plaintext
   */
  public record Options(String advertisedHost, ApiVersion apiVersion, List<RestGuard> guards, SslContext tls) {

    public Options {
      Objects.requireNonNull(apiVersion, "apiVersion");
      guards = List.copyOf(guards);
    }

    /** The bound host, the latest API version, no guards, plaintext. */
    public static Options defaults() {
      return new Options(null, ApiVersion.latest(), List.of(), null);
    }
  }

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
    return start(host, port, state, mapper, grpcPort, Options.defaults());
  }

  /**
   * Binds and starts serving with these options.
   *
   * @throws java.io.UncheckedIOException wrapping the bind failure (e.g. port in use)
   */
  public static RestServer start(
      String host, int port, EngineState state, ObjectMapper mapper, IntSupplier grpcPort, Options options) {
    RestServer server = new RestServer();
    String advertised = options.advertisedHost() == null ? host : options.advertisedHost();
    RestHandler handler = new RestHandler(state, mapper, advertised, grpcPort, options.apiVersion(), options.guards());
    SslContext tls = options.tls();
    try {
      server.channel =
          new ServerBootstrap()
              .group(server.group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      if (tls != null) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                      }
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
