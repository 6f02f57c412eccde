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
  void shouldServeTheAskedVersionWithCredentialsFromTheEnvironmentWhenAuthAndTlsAreAsked() {
    // when
    EngineConfig config =
        EngineMain.parse(
            java.util.Map.of("WORKERBENCH_ENGINE_CLIENT_ID", "bench", "WORKERBENCH_ENGINE_CLIENT_SECRET", "s3cr3t"),
            "--api-version", "8.8", "--auth=oauth", "--token-lifetime", "60", "--token-port", "0", "--tls");

    // then
    assertThat(config.apiVersion()).isEqualTo(ApiVersion.V8_8);
    assertThat(config.access().credentials().matches("bench", "s3cr3t")).isTrue();
    assertThat(config.access().tokenLifetime()).hasSeconds(60);
    assertThat(config.access().tls()).isTrue();
    assertThat(config.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void shouldNameWhatIsMissingWhenAnAuthOptionIsBad() {
    // when / then
    assertThatThrownBy(() -> EngineMain.parse("--auth", "oauth"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WORKERBENCH_ENGINE_CLIENT_ID must be set in the environment for --auth oauth, but it is not");
    assertThatThrownBy(() -> EngineMain.parse("--api-version", "7.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--api-version: api version must be one of 8.8, 8.9, but was '7.0'");
    assertThatThrownBy(() -> EngineMain.parse("--token-lifetime", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--token-lifetime must be a whole number of seconds, at least 1, but was '0'");
    assertThatThrownBy(() -> EngineMain.parse("--token-lifetime", "60"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--token-lifetime applies to --auth oauth only, but auth is none");
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
