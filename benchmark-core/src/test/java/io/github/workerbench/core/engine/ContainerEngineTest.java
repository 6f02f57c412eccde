package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ContainerEngineTest {

  @Test
  void shouldUseTheDefaultImageWhenNoTagIsConfigured() {
    // when
    ContainerEngine engine = (ContainerEngine) EngineSettings.container(ContainerEngine.DEFAULT_IMAGE).newAdapter();
    // then
    assertThat(engine.image()).isEqualTo("camunda/camunda:8.9.0");
  }

  @Test
  void shouldUseTheConfiguredTagWhenOneIsGiven() {
    // when
    ContainerEngine engine = new ContainerEngine("camunda/camunda:8.9.1");
    // then
    assertThat(engine.image()).isEqualTo("camunda/camunda:8.9.1");
  }

  @Test
  void shouldExposeGrpcRestAndManagementPortsWhenConfigured() {
    // when
    ContainerEngine engine = new ContainerEngine(ContainerEngine.DEFAULT_IMAGE);
    // then
    assertThat(engine.container().getExposedPorts()).containsExactlyInAnyOrder(26500, 8080, 9600);
    assertThat(engine.container().getEnvMap())
        .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "none")
        .containsEntry("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true");
    assertThat(ContainerEngine.READINESS_PATH).isEqualTo("/actuator/health/readiness");
  }

  @Test
  void shouldWireTheClientToTheMappedPortsWhenGivenHostAndPorts() {
    // given
    URI grpc = ContainerEngine.address("localhost", 32768);
    URI rest = ContainerEngine.address("localhost", 32769);
    // when
    try (CamundaClient client = ContainerEngine.clientBuilder(grpc, rest).build()) {
      // then
      assertThat(client.getConfiguration().getGrpcAddress())
          .isEqualTo(URI.create("http://localhost:32768"));
      assertThat(client.getConfiguration().getRestAddress())
          .isEqualTo(URI.create("http://localhost:32769"));
    }
  }

  @Test
  void shouldRefuseAddressesWhenNotStarted() {
    // given
    ContainerEngine engine = new ContainerEngine(ContainerEngine.DEFAULT_IMAGE);
    // when / then
    assertThatThrownBy(engine::grpcAddress).isInstanceOf(IllegalStateException.class);
  }
}
