package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineMainTest {

  @Test
  void shouldUseCamundasPortsOnLoopbackWhenGivenNoArguments() {
    // when
    EngineConfig config = EngineMain.parse();

    // then
    assertThat(config).isEqualTo(EngineConfig.defaults());
  }

  @Test
  void shouldListenOnEveryInterfaceWithThePortsGivenWhenAskedTo() {
    // when
    EngineConfig config =
        EngineMain.parse(
            "--all-interfaces", "--grpc-port", "0", "--rest-port=8081", "--management-port", "-1");

    // then
    assertThat(config.listensOnAllInterfaces()).isTrue();
    assertThat(config.grpcPort()).isZero();
    assertThat(config.restPort()).isEqualTo(8081);
    assertThat(config.hasManagement()).isFalse();
  }

  @Test
  void shouldAskForTheUsageWhenGivenHelp() {
    // when / then
    assertThat(EngineMain.parse("--help")).isNull();
  }

  @Test
  void shouldNameTheArgumentWhenItIsUnknownOrItsValueIsBad() {
    // when / then
    assertThatThrownBy(() -> EngineMain.parse("--host", "10.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown argument '--host' (see --help)");
    assertThatThrownBy(() -> EngineMain.parse("--grpc-port", "lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--grpc-port must be a port between 0 and 65535, but was 'lots'");
    assertThatThrownBy(() -> EngineMain.parse("--rest-port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rest-port needs a port number");
    assertThatThrownBy(() -> EngineMain.parse("--grpc-port", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--grpc-port must be a port between 0 and 65535, but was '-1'");
  }
}
