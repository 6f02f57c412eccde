package io.github.workerbench.core.run;

import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.core.engine.EngineAdapter;
import java.net.URI;

/**
 * A test's engine adapter in front of another engine: its addresses and clients are the other
 * engine's, and start and close pass on unless a subclass says otherwise. {@code simulate} and
 * {@code logTail} keep the interface's defaults, so it refuses engine conditions as a container or
 * remote engine does.
 */
abstract class ForwardingEngine implements EngineAdapter {

  private final EngineAdapter delegate;

  ForwardingEngine(EngineAdapter delegate) {
    this.delegate = delegate;
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public URI grpcAddress() {
    return delegate.grpcAddress();
  }

  @Override
  public URI restAddress() {
    return delegate.restAddress();
  }

  @Override
  public CamundaClientBuilder newClientBuilder() {
    return delegate.newClientBuilder();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
