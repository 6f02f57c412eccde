package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineSettingsTest {

  @ParameterizedTest
  @EnumSource(EngineKind.class)
  void shouldFindTheKindWhenGivenItsId(EngineKind kind) {
    // when / then
    assertThat(EngineKind.fromId(kind.id())).isEqualTo(kind);
  }

  @Test
  void shouldNameTheAllowedIdsWhenTheIdIsUnknown() {
    // when / then
    assertThatThrownBy(() -> EngineKind.fromId("cloud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown engine 'cloud', expected one of embedded, container, remote");
  }

  @Test
  void shouldCreateTheAdapterOfTheKindWhenAskedForOne() {
    // when / then
    assertThat(EngineSettings.embedded().newAdapter()).isInstanceOf(EmbeddedEngine.class);
    assertThat(EngineSettings.container("camunda/camunda:8.9.0").newAdapter())
        .isInstanceOf(ContainerEngine.class);
    assertThat(EngineSettings.remote(Map.of()).newAdapter()).isInstanceOf(RemoteEngine.class);
  }

  @Test
  void shouldPreferTheGivenIdWhenTheSystemPropertyIsAlsoSet() {
    // given
    String previous = System.getProperty(EngineSettings.ENGINE_PROPERTY);
    System.setProperty(EngineSettings.ENGINE_PROPERTY, "container");
    try {
      // when / then
      assertThat(EngineSettings.fromSystem("remote").kind()).isEqualTo(EngineKind.REMOTE);
      assertThat(EngineSettings.fromSystem(null).kind()).isEqualTo(EngineKind.CONTAINER);
    } finally {
      if (previous == null) {
        System.clearProperty(EngineSettings.ENGINE_PROPERTY);
      } else {
        System.setProperty(EngineSettings.ENGINE_PROPERTY, previous);
      }
    }
  }
}
