package io.github.workerbench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.auth.AccessTokens;
import io.github.workerbench.engine.auth.AuthMode;
import io.github.workerbench.engine.auth.TokenEndpoint;
import io.github.workerbench.engine.grpc.GatewayAuthentication;
import io.github.workerbench.engine.grpc.GatewayService;
import io.github.workerbench.engine.management.ManagementServer;
import io.github.workerbench.engine.rest.RestAuthentication;
import io.github.workerbench.engine.rest.RestGuard;
import io.github.workerbench.engine.rest.RestServer;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.Timers;
import io.github.workerbench.engine.state.VariablesJson;
import io.github.workerbench.engine.tls.EngineTls;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: a Zeebe-gateway-compatible gRPC endpoint and a REST v2 endpoint over one
 * shared state, bound to loopback (or, asked for, every interface), answering as its {@link
 * ApiVersion}, optionally with Camunda's management endpoint; with {@link EngineAccess} it
 * requires credentials (and serves the token endpoint for oauth) and serves gRPC and REST over
 * TLS. {@link #start} returns once every endpoint accepts calls; {@link #close} first reports
 * not-ready on the management endpoint, then stops the endpoints, ends parked polls and open
 * streams, and deletes the certificate file. Thread-safe.
 *
 * <pre>{@code
 * try (EngineServer engine = EngineServer.start(EngineConfig.ephemeral())) {
 *   CamundaClient client = CamundaClient.newClientBuilder()
 *       .grpcAddress(engine.grpcAddress())
 *       .restAddress(engine.restAddress())
 *       .build();
 * }
 * }</pre>
 */
public final class EngineServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final EngineConfig config;
  private final ScheduledExecutorService scheduler;
  private final EngineState state;
  private final Server grpc;
  private final RestServer rest;
  private final TokenEndpoint tokenEndpoint;
  private final AccessTokens tokens;
  private final Path certificateFile;
  private final ManagementServer management;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EngineServer(
      EngineConfig config,
      ScheduledExecutorService scheduler,
      EngineState state,
      Server grpc,
      RestServer rest,
      TokenEndpoint tokenEndpoint,
      AccessTokens tokens,
      Path certificateFile,
      ManagementServer management) {
    this.config = config;
    this.scheduler = scheduler;
    this.state = state;
    this.grpc = grpc;
    this.rest = rest;
    this.tokenEndpoint = tokenEndpoint;
    this.tokens = tokens;
    this.certificateFile = certificateFile;
    this.management = management;
  }

  /**
   * Binds every endpoint and returns when they accept calls.
   *
   * @throws EngineStartException when a port cannot be bound or the certificate cannot be written
   *     (the message names which)
   */
  public static EngineServer start(EngineConfig config) {
    EngineAccess access = config.access();
    String advertised = advertisedHost(config);
    AccessTokens tokens =
        access.auth() == AuthMode.OAUTH ? new AccessTokens(access.tokenLifetime(), System::currentTimeMillis) : null;
    EngineTls tls = access.tls() ? EngineTls.generate(List.of(config.host(), advertised), Instant.now()) : null;
    Path certificateFile = tls == null ? null : writeCertificates(tls);
    List<ServerInterceptor> interceptors = new ArrayList<>();
    List<RestGuard> guards = new ArrayList<>();
    if (access.auth() != AuthMode.NONE) {
      interceptors.add(new GatewayAuthentication(access.credentials(), tokens));
      guards.add(RestAuthentication.of(access.credentials(), tokens));
    }
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "workerbench-engine-timers");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    List<AutoCloseable> started = new ArrayList<>();
    started.add(scheduler::shutdownNow);
    if (certificateFile != null) {
      started.add(() -> Files.deleteIfExists(certificateFile));
    }
    EngineState state = new EngineState(Timers.on(scheduler), System::currentTimeMillis);
    ObjectMapper mapper = new ObjectMapper();
    VariablesJson json = new VariablesJson(mapper);
    Server[] grpcHolder = new Server[1];
    GatewayService service =
        new GatewayService(state, json, advertised, () -> grpcHolder[0].getPort(), config.apiVersion(), interceptors);
    NettyServerBuilder grpcBuilder =
        NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.grpcPort()))
            .addService(service)
            .directExecutor()
            .permitKeepAliveWithoutCalls(true)
            .permitKeepAliveTime(1, TimeUnit.SECONDS)
            .maxInboundMessageSize(16 * 1024 * 1024);
    if (tls != null) {
      grpcBuilder.sslContext(tls.grpcContext());
    }
    Server grpc = grpcBuilder.build();
    grpcHolder[0] = grpc;
    try {
      grpc.start();
    } catch (IOException | RuntimeException e) {
      closeAll(started);
      throw bindFailure("gRPC", config.host(), config.grpcPort(), "--grpc-port", e);
    }
    started.add(0, grpc::shutdownNow);
    RestServer rest;
    try {
      rest =
          RestServer.start(
              config.host(),
              config.restPort(),
              state,
              mapper,
              grpc::getPort,
              new RestServer.Options(advertised, config.apiVersion(), guards, tls == null ? null : tls.restContext()));
    } catch (RuntimeException e) {
      closeAll(started);
      throw bindFailure("REST", config.host(), config.restPort(), "--rest-port", e);
    }
    started.add(0, rest);
    TokenEndpoint tokenEndpoint = null;
    if (tokens != null) {
      try {
        tokenEndpoint = TokenEndpoint.start(config.host(), access.tokenPort(), access.credentials(), tokens);
      } catch (RuntimeException e) {
        closeAll(started);
        throw bindFailure("token endpoint's", config.host(), access.tokenPort(), "--token-port", e);
      }
      started.add(0, tokenEndpoint);
    }
    ManagementServer management = null;
    if (config.hasManagement()) {
      // last: readiness answers UP from its first request on
      try {
        management = ManagementServer.start(config.host(), config.managementPort());
      } catch (RuntimeException e) {
        closeAll(started);
        throw bindFailure("management", config.host(), config.managementPort(), "--management-port", e);
      }
    }
    EngineServer engine =
        new EngineServer(config, scheduler, state, grpc, rest, tokenEndpoint, tokens, certificateFile, management);
    LOG.info("embedded engine listening: {}", engine.readyLine().substring("engine ready ".length()));
    return engine;
  }

  /**
   * The host the topology names: the bound one, or on every interface the machine's name (a
   * container's id, which Docker sets as HOSTNAME), since a wildcard address names no host.
   */
  private static String advertisedHost(EngineConfig config) {
    if (!config.listensOnAllInterfaces()) {
      return config.host();
    }
    String hostname = System.getenv("HOSTNAME");
    return hostname == null || hostname.isBlank() ? "localhost" : hostname;
  }

  private static Path writeCertificates(EngineTls tls) {
    try {
      Path file = Files.createTempFile("workerbench-engine-ca-", ".pem");
      file.toFile().deleteOnExit();
      return tls.write(file);
    } catch (IOException e) {
      throw new EngineStartException(
          "Expected to write the engine's TLS certificates to a temporary file, but: " + e.getMessage(), e);
    }
  }

  private static EngineStartException bindFailure(String what, String host, int port, String option, Exception e) {
    return new EngineStartException(
        "Expected to bind the "
            + what
            + " port "
            + host
            + ":"
            + port
            + ", but: "
            + rootMessage(e)
            + " (choose another port with "
            + option
            + ", 0 for a free one)",
        e);
  }

  private static void closeAll(List<AutoCloseable> started) {
    for (AutoCloseable part : started) {
      try {
        part.close();
      } catch (Exception e) {
        LOG.debug("closing a part of an engine that failed to start failed", e);
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** The bound gRPC port. */
  public int grpcPort() {
    return grpc.getPort();
  }

  /** The bound REST port. */
  public int restPort() {
    return rest.port();
  }

  /** The bound management port, or {@link EngineConfig#NO_MANAGEMENT} when there is none. */
  public int managementPort() {
    return management == null ? EngineConfig.NO_MANAGEMENT : management.port();
  }

  /** The host the endpoints are bound to: a loopback address, or the wildcard address. */
  public String host() {
    return config.host();
  }

  /** The gRPC address for a client: {@code http://} in plaintext, {@code https://} over TLS. */
  public URI grpcAddress() {
    return address(grpcPort());
  }

  /** The REST address for a client: {@code http://} in plaintext, {@code https://} over TLS. */
  public URI restAddress() {
    return address(restPort());
  }

  /** What the engine was started with. */
  public EngineConfig config() {
    return config;
  }

  /** The API generation the engine answers as. */
  public ApiVersion apiVersion() {
    return config.apiVersion();
  }

  /**
   * The PEM file of the server certificate and its CA (what {@code CAMUNDA_CA_CERTIFICATE_PATH}
   * should name), or null in plaintext. Deleted on {@link #close()}.
   */
  public Path certificateFile() {
    return certificateFile;
  }

  /** The token endpoint's URL, e.g. {@code http://127.0.0.1:41234/oauth/token}; null without oauth. */
  public String tokenUrl() {
    return tokenEndpoint == null ? null : tokenEndpoint.url();
  }

  /** How many tokens the token endpoint issued since start; 0 without oauth. */
  public long tokensIssued() {
    return tokens == null ? 0 : tokens.issuedCount();
  }

  /**
   * The line {@code bench engine} and {@link EngineMain} print once the engine serves: {@code
   * engine ready grpc=127.0.0.1:26500 rest=http://127.0.0.1:8080 management=http://127.0.0.1:9600}
   * (no management part without that endpoint); over TLS {@code grpc=https://… rest=https://…}
   * and at the end {@code ca=<certificate file>}; with oauth {@code oauth=<token URL>} before it.
   */
  public String readyLine() {
    StringBuilder line = new StringBuilder("engine ready grpc=");
    line.append(certificateFile == null ? host() + ":" + grpcPort() : grpcAddress().toString());
    line.append(" rest=").append(restAddress());
    if (management != null) {
      line.append(" management=").append(address(management.port(), false));
    }
    if (tokenEndpoint != null) {
      line.append(" oauth=").append(tokenEndpoint.url());
    }
    if (certificateFile != null) {
      line.append(" ca=").append(certificateFile);
    }
    return line.toString();
  }

  /** A consistent snapshot of what the engine has done since start. */
  public EngineCounters counters() {
    return state.counters();
  }

  /** Stops every endpoint, ends parked polls and open streams, deletes the certificate file. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (management != null) {
      management.markClosing();
    }
    state.close();
    grpc.shutdownNow();
    rest.close();
    if (tokenEndpoint != null) {
      tokenEndpoint.close();
    }
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    if (certificateFile != null) {
      try {
        Files.deleteIfExists(certificateFile);
      } catch (IOException e) {
        LOG.debug("could not delete {}", certificateFile, e);
      }
    }
    if (management != null) {
      management.close();
    }
  }

  private URI address(int port) {
    return address(port, certificateFile != null);
  }

  private URI address(int port, boolean tls) {
    String literal = host().contains(":") ? "[" + host() + "]" : host();
    return URI.create((tls ? "https://" : "http://") + literal + ":" + port);
  }
}
