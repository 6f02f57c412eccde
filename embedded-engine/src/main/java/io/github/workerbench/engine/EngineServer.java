package io.github.workerbench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.grpc.GatewayService;
import io.github.workerbench.engine.management.ManagementServer;
import io.github.workerbench.engine.rest.RestServer;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.Timers;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: a Zeebe-gateway-compatible gRPC endpoint and a REST v2 endpoint over one
 * shared state, bound to loopback (or, asked for explicitly, to every interface: see {@link
 * EngineConfig}), and, when configured, the management endpoint with Camunda's health probes.
 * {@link #start} returns once every endpoint accepts calls; {@link #close} turns readiness to
 * OUT_OF_SERVICE, then stops the endpoints, ends parked polls and open streams. Thread-safe.
 *
 * <pre>{@code
 * try (EngineServer engine = EngineServer.start(EngineConfig.ephemeral())) {
 *   CamundaClient client = CamundaClient.newClientBuilder()
 *       .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
 *       .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
 *       .usePlaintext().build();
 * }
 * }</pre>
 */
public final class EngineServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final String host;
  private final ScheduledExecutorService scheduler;
  private final EngineState state;
  private final Server grpc;
  private final RestServer rest;
  private final ManagementServer management;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EngineServer(
      String host,
      ScheduledExecutorService scheduler,
      EngineState state,
      Server grpc,
      RestServer rest,
      ManagementServer management) {
    this.host = host;
    this.scheduler = scheduler;
    this.state = state;
    this.grpc = grpc;
    this.rest = rest;
    this.management = management;
  }

  /**
   * Binds every configured endpoint and returns when they accept calls.
   *
   * @throws EngineStartException when a port cannot be bound (the message names it)
   */
  public static EngineServer start(EngineConfig config) {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "workerbench-engine-timers");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    EngineState state = new EngineState(Timers.on(scheduler), System::currentTimeMillis);
    ObjectMapper mapper = new ObjectMapper();
    VariablesJson json = new VariablesJson(mapper);
    Server[] grpcHolder = new Server[1];
    String advertised = advertisedHost(config);
    GatewayService service =
        new GatewayService(state, json, advertised, () -> grpcHolder[0].getPort());
    Server grpc =
        NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.grpcPort()))
            .addService(service)
            .directExecutor()
            .permitKeepAliveWithoutCalls(true)
            .permitKeepAliveTime(1, TimeUnit.SECONDS)
            .maxInboundMessageSize(16 * 1024 * 1024)
            .build();
    grpcHolder[0] = grpc;
    try {
      grpc.start();
    } catch (IOException | RuntimeException e) {
      scheduler.shutdownNow();
      throw new EngineStartException(
          "Expected to bind the gRPC port "
              + config.host()
              + ":"
              + config.grpcPort()
              + ", but: "
              + rootMessage(e)
              + " (choose another port with --grpc-port, 0 for a free one)",
          e);
    }
    RestServer rest;
    try {
      rest = RestServer.start(config.host(), config.restPort(), state, mapper, grpc::getPort, advertised);
    } catch (RuntimeException e) {
      grpc.shutdownNow();
      scheduler.shutdownNow();
      throw new EngineStartException(
          "Expected to bind the REST port "
              + config.host()
              + ":"
              + config.restPort()
              + ", but: "
              + rootMessage(e)
              + " (choose another port with --rest-port, 0 for a free one)",
          e);
    }
    ManagementServer management = null;
    if (config.hasManagement()) {
      try {
        management = ManagementServer.start(config.host(), config.managementPort());
      } catch (RuntimeException e) {
        rest.close();
        grpc.shutdownNow();
        scheduler.shutdownNow();
        throw new EngineStartException(
            "Expected to bind the management port "
                + config.host()
                + ":"
                + config.managementPort()
                + ", but: "
                + rootMessage(e)
                + " (choose another port with --management-port, 0 for a free one)",
            e);
      }
    }
    LOG.info(
        "embedded engine listening: grpc={}:{} rest={}:{}{}",
        config.host(),
        grpc.getPort(),
        config.host(),
        rest.port(),
        management == null ? "" : " management=" + config.host() + ":" + management.port());
    return new EngineServer(config.host(), scheduler, state, grpc, rest, management);
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

  /**
   * The line {@code bench engine} and {@link EngineMain} print once the engine serves: {@code
   * engine ready grpc=127.0.0.1:26500 rest=http://127.0.0.1:8080 management=http://127.0.0.1:9600}
   * (no management part without that endpoint).
   */
  public String readyLine() {
    String line = "engine ready grpc=" + host + ":" + grpcPort() + " rest=http://" + host + ":" + restPort();
    return management == null ? line : line + " management=http://" + host + ":" + management.port();
  }

  /** The host the endpoints are bound to: a loopback address, or the wildcard address. */
  public String host() {
    return host;
  }

  /** A consistent snapshot of what the engine has done since start. */
  public EngineCounters counters() {
    return state.counters();
  }

  /** Stops both endpoints, ends parked polls and open streams. Idempotent. */
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
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    if (management != null) {
      management.close();
    }
  }
}
