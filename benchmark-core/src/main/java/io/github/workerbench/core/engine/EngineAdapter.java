package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClientBuilder;
import java.net.URI;
import java.util.List;

/**
 * An engine the benchmark drives: started (or reached) by {@link #start()}, addressed by its
 * gRPC and REST URIs, and talked to by clients from {@link #newClientBuilder()}. Not
 * thread-safe for start/close; the addresses and builders may be used from any thread.
 */
public interface EngineAdapter extends AutoCloseable {

  /**
   * Starts the engine, or checks that a remote one answers.
   *
   * @throws EngineStartException when it cannot be started or reached
   */
  void start();

  /** The gRPC address, e.g. {@code http://127.0.0.1:26500}; valid after {@link #start()}. */
  URI grpcAddress();

  /** The REST address, e.g. {@code http://127.0.0.1:8080}; valid after {@link #start()}. */
  URI restAddress();

  /**
   * A client builder pointed at this engine, with credentials where the engine needs them and
   * environment-variable overrides disabled. The caller chooses the transport.
   */
  CamundaClientBuilder newClientBuilder();

  /**
   * The last lines the engine printed, oldest first, where this adapter sees its output (a
   * container's); kept after {@link #close()}, so a failed scenario can show them. Empty where
   * it does not: the embedded engine logs into this JVM's own log, a remote cluster's log is not
   * ours to read.
   */
  default List<String> logTail() {
    return List.of();
  }

  /** Stops what {@link #start()} started; idempotent. */
  @Override
  void close();
}
