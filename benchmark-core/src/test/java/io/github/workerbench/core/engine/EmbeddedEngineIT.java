package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.engine.EngineConfig;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine has no authentication, so it listens on loopback only, unless every
 * interface (the wildcard address, for a container) is asked for explicitly.
 */
class EmbeddedEngineIT {

  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "192.0.2.7"})
  void shouldRejectTheHostWhenItIsNotLoopback(String host) {
    assertThatThrownBy(() -> new EngineConfig(host, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host must be a loopback address");
  }

  @Test
  void shouldListenOnLoopbackOnlyWhenStartedWithTheDefaults() throws Exception {
    // given
    try (EmbeddedEngine engine = new EmbeddedEngine()) {

      // when
      engine.start();

      // then both endpoints are on a loopback address
      assertThat(InetAddress.getByName(engine.grpcAddress().getHost()).isLoopbackAddress())
          .isTrue();
      assertThat(InetAddress.getByName(engine.restAddress().getHost()).isLoopbackAddress())
          .isTrue();
    }
  }

  @Test
  void shouldAnswerAsTheApiVersionOfItsSettingsWhenOneIsAsked() {
    // given
    EngineSettings settings =
        EngineSettings.resolve(
            java.util.Map.of(EngineSettings.API_VERSION_PROPERTY, "8.8")::get, java.util.Map.of(), "embedded", null, null, null);

    // when
    try (EngineAdapter engine = settings.newAdapter()) {
      engine.start();
      try (io.camunda.client.CamundaClient client = engine.newClientBuilder().preferRestOverGrpc(true).build()) {

        // then
        assertThat(client.newTopologyRequest().send().join().getGatewayVersion()).isEqualTo("8.8.0");
      }
    }
  }
}
