package io.github.workerbench.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clients one test opened, closed after it: a JUnit extension for an instance {@code
 * RegisterExtension} field. It closes them after the test class's own {@code AfterEach} methods,
 * so an engine closed there has already answered the clients' parked polls and a REST client's
 * graceful close has nothing to wait for.
 */
public final class OpenedClients implements AfterEachCallback {

  private final List<CamundaClient> clients = new CopyOnWriteArrayList<>();

  /** Builds the client and keeps it to close after the test. */
  public CamundaClient open(CamundaClientBuilder builder) {
    CamundaClient client = builder.build();
    clients.add(client);
    return client;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(CamundaClient::close);
    clients.clear();
  }
}
