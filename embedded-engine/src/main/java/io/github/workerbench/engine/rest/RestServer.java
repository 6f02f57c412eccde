package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.cluster.SimulatedCluster;
import io.github.workerbench.engine.internal.HttpListener;
import io.github.workerbench.engine.state.EngineState;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.Objects;
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
   * @param cluster the remote cluster's latency and back-pressure every request meets (before its
   *     guards and route), or null for none
   */
  public record Options(
      String advertisedHost,
      ApiVersion apiVersion,
      List<RestGuard> guards,
      SslContext tls,
      SimulatedCluster cluster) {

    public Options {
      Objects.requireNonNull(apiVersion, "apiVersion");
      guards = List.copyOf(guards);
    }

    /** Options without a simulated cluster. */
    public Options(String advertisedHost, ApiVersion apiVersion, List<RestGuard> guards, SslContext tls) {
      this(advertisedHost, apiVersion, guards, tls, null);
    }

    /** These options with requests meeting {@code value}'s latency and back-pressure. */
    public Options withCluster(SimulatedCluster value) {
      return new Options(advertisedHost, apiVersion, guards, tls, value);
    }

    /** The bound host, the latest API version, no guards, plaintext. */
    public static Options defaults() {
      return new Options(null, ApiVersion.latest(), List.of(), null);
    }
  }

  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private HttpListener listener;

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
    SimulatedClusterHandler remote =
        options.cluster() == null
            ? null
            : new SimulatedClusterHandler(options.cluster(), mapper, new RestJson(options.apiVersion()));
    server.listener =
        HttpListener.bind(
            host,
            port,
            2,
            ch -> {
              if (tls != null) {
                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
              }
              ch.pipeline().addLast(new HttpServerCodec()).addLast(new HttpObjectAggregator(MAX_BODY_BYTES));
              if (remote != null) {
                ch.pipeline().addLast(remote);
              }
              ch.pipeline().addLast(handler);
            });
    return server;
  }

  public int port() {
    return listener.port();
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
  }
}
