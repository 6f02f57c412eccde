package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          --auth oauth          | WORKERBENCH_ENGINE_CLIENT_ID must be set in the environment for --auth oauth, but it is not
          --api-version 7.0     | --api-version: api version must be one of 8.8, 8.9, but was '7.0'
          --token-lifetime 0    | --token-lifetime must be a whole number of seconds, at least 1, but was '0'
          --token-lifetime 60   | --token-lifetime applies to --auth oauth only, but auth is none
          --host 10.0.0.1       | unknown argument '--host' (see --help)
          --grpc-port lots      | --grpc-port must be a port between 0 and 65535, but was 'lots'
          --rest-port           | --rest-port needs a port number
          --grpc-port -1        | --grpc-port must be a port between 0 and 65535, but was '-1'
          """)
  void shouldNameTheArgumentAndWhatIsWrongWhenAnArgumentIsBad(String arguments, String message) {
    // when / then
    assertThatThrownBy(() -> EngineMain.parse(arguments.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void shouldAskForTheUsageWhenGivenHelp() {
    // when / then
    assertThat(EngineMain.parse("--help")).isNull();
  }
}
