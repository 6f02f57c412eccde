package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Starts the real Camunda image; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEngineIT {

  @Test
  void shouldAnswerATopologyRequestWhenTheContainerIsReady() {
    // given
    try (ContainerEngine engine = new ContainerEngine(ContainerEngine.DEFAULT_IMAGE)) {
      engine.start();
      // when
      try (CamundaClient client = engine.newClientBuilder().preferRestOverGrpc(false).build()) {
        Topology topology = client.newTopologyRequest().send().join(30, TimeUnit.SECONDS);
        // then
        assertThat(topology.getBrokers()).isNotEmpty();
      }
    }
  }
}
