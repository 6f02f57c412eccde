package io.github.workerbench.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineCredentialsTest {

  private static final String SECRET = "s3cr3t-engine-5d0c9e7b";

  @Test
  void shouldReadTheClientCredentialsWhenOauthIsAsked() {
    // when
    EngineCredentials credentials =
        EngineCredentials.fromEnvironment(
            AuthMode.OAUTH,
            Map.of(EngineCredentials.CLIENT_ID_VARIABLE, "bench", EngineCredentials.CLIENT_SECRET_VARIABLE, SECRET));

    // then
    assertThat(credentials.mode()).isEqualTo(AuthMode.OAUTH);
    assertThat(credentials.matches("bench", SECRET)).isTrue();
    assertThat(credentials.matches("bench", SECRET + "x")).isFalse();
    assertThat(credentials.matches("other", SECRET)).isFalse();
    assertThat(credentials.hasId("bench")).isTrue();
  }

  @Test
  void shouldNameTheMissingVariableWhenASecretIsNotSet() {
    // when / then
    assertThatThrownBy(
            () -> EngineCredentials.fromEnvironment(AuthMode.OAUTH, Map.of(EngineCredentials.CLIENT_ID_VARIABLE, "bench")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WORKERBENCH_ENGINE_CLIENT_SECRET must be set in the environment for --auth oauth, but it is not");
    assertThatThrownBy(
            () ->
                EngineCredentials.fromEnvironment(
                    AuthMode.BASIC, Map.of(EngineCredentials.PASSWORD_VARIABLE, SECRET, EngineCredentials.USERNAME_VARIABLE, " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WORKERBENCH_ENGINE_USERNAME must be set in the environment for --auth basic, but it is not")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void shouldReadNothingWhenNoAuthIsAsked() {
    // when
    EngineCredentials credentials = EngineCredentials.fromEnvironment(AuthMode.NONE, Map.of());

    // then
    assertThat(credentials).isEqualTo(EngineCredentials.none());
    assertThat(credentials.matches("", "")).isFalse();
  }

  @Test
  void shouldNeverShowTheSecretWhenPrinted() {
    // when
    String printed = EngineCredentials.basic("demo", SECRET) + " " + EngineCredentials.oauth("bench", SECRET);

    // then
    assertThat(printed).doesNotContain(SECRET).contains("demo", "bench");
  }

  @Test
  void shouldRefuseAUsernameWithAColonWhenBasicIsAsked() {
    // when / then: basic authentication joins username and password with the first colon
    assertThatThrownBy(() -> EngineCredentials.basic("de:mo", SECRET)).isInstanceOf(IllegalArgumentException.class);
  }
}
