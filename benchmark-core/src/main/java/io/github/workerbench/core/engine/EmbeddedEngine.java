package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.engine.cluster.ClusterConditions;
import io.github.workerbench.model.scenario.EngineConditions;
import java.net.URI;

/**
 * The in-process engine of the embedded-engine module, on ephemeral loopback ports. Starts in
 * well under a second, so a runner may start one per scenario or keep one for many.
 *
 * <p>Clients talk plaintext (the addresses use {@code http}). Not thread-safe for start/close;
 * addresses and builders may be used from any thread once started.
 */
public final class EmbeddedEngine implements EngineAdapter {

  private final EngineConfig config;
  private EngineServer server;

  /** An engine on ephemeral loopback ports; not started. */
  public EmbeddedEngine() {
    this(EngineConfig.ephemeral());
  }

  /** An engine with this configuration; not started. */
  public EmbeddedEngine(EngineConfig config) {
    this.config = config;
  }

  @Override
  public void start() {
    if (server != null) {
      return;
    }
    try {
      server = EngineServer.start(config);
    } catch (RuntimeException e) {
      throw new EngineStartException(
          "Expected to start the embedded engine, but "
              + e.getMessage()
              + ". Free the configured ports or use ephemeral ones.",
          e);
    }
  }

  /** Latency and back-pressure as a remote cluster's, from now on; the engine must be started. */
  @Override
  public void simulate(EngineConditions conditions) {
    requireServer()
        .simulate(
            new ClusterConditions(
                conditions.latencyMillis(), conditions.jitterMillis(), conditions.maxInFlight()));
  }

  /** The commands the engine refused by back-pressure since it started. */
  public long refusedCommands() {
    return requireServer().refusedCommands();
  }

  @Override
  public URI grpcAddress() {
    return ContainerEngine.address(requireServer().host(), requireServer().grpcPort());
  }

  @Override
  public URI restAddress() {
    return ContainerEngine.address(requireServer().host(), requireServer().restPort());
  }

  @Override
  public CamundaClientBuilder newClientBuilder() {
    return ContainerEngine.clientBuilder(grpcAddress(), restAddress());
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private EngineServer requireServer() {
    if (server == null) {
      throw new IllegalStateException("the embedded engine has not been started");
    }
    return server;
  }

  @Override
  public String toString() {
    return server == null ? "EmbeddedEngine[not started]" : "EmbeddedEngine[" + grpcAddress() + "]";
  }
}
