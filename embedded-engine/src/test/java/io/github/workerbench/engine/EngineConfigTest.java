package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineConfigTest {

  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "192.0.2.7", "8.8.8.8"})
  void shouldRefuseTheHostWhenItIsNeitherLoopbackNorEveryInterface(String host) {
    // when / then
    assertThatThrownBy(() -> new EngineConfig(host, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "host must be a loopback address (or 0.0.0.0 for every interface, inside a"
                + " container), but was '"
                + host
                + "'");
  }

  @Test
  void shouldListenOnEveryInterfaceOnlyWhenAskedForIt() {
    // when
    EngineConfig everywhere = EngineConfig.allInterfaces(26500, 8080, 9600);
    EngineConfig loopback = EngineConfig.defaults();

    // then
    assertThat(everywhere.host()).isEqualTo("0.0.0.0");
    assertThat(everywhere.listensOnAllInterfaces()).isTrue();
    assertThat(loopback.host()).isEqualTo("127.0.0.1");
    assertThat(loopback.listensOnAllInterfaces()).isFalse();
  }

  @Test
  void shouldUseCamundasPortsWhenGivenTheDefaults() {
    // when
    EngineConfig defaults = EngineConfig.defaults();

    // then
    assertThat(defaults.grpcPort()).isEqualTo(26500);
    assertThat(defaults.restPort()).isEqualTo(8080);
    assertThat(defaults.managementPort()).isEqualTo(9600);
    assertThat(defaults.hasManagement()).isTrue();
  }

  @Test
  void shouldServeNoManagementEndpointWhenEphemeralOrGivenThreePorts() {
    // when / then
    assertThat(EngineConfig.ephemeral().hasManagement()).isFalse();
    assertThat(new EngineConfig("127.0.0.1", 0, 0).managementPort())
        .isEqualTo(EngineConfig.NO_MANAGEMENT);
  }

  @Test
  void shouldNameTheFieldWhenAManagementPortIsOutOfRange() {
    // when / then
    assertThatThrownBy(() -> new EngineConfig("127.0.0.1", 0, 0, 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("managementPort must be between 0 and 65535, but was 70000");
  }
}
