package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.engine.ApiVersion;
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

  @Test
  void shouldTakeTheImageScopeAndCpusFromThePropertiesWhenNoneIsGiven() {
    // given
    Map<String, String> properties =
        Map.of(
            EngineSettings.ENGINE_PROPERTY, "container",
            EngineSettings.IMAGE_PROPERTY, "workerbench/engine:latest",
            EngineSettings.SCOPE_PROPERTY, "scenario",
            EngineSettings.CPUS_PROPERTY, "0-1");

    // when
    EngineSettings settings =
        EngineSettings.resolve(properties::get, Map.of(), null, null, null, null);

    // then
    assertThat(settings.kind()).isEqualTo(EngineKind.CONTAINER);
    assertThat(settings.container()).isEqualTo(new ContainerSettings("workerbench/engine:latest", "0-1"));
    assertThat(settings.scope()).isEqualTo(EngineScope.SCENARIO);
    assertThat(settings.setup())
        .isEqualTo(new io.github.workerbench.model.result.EngineSetup("workerbench/engine:latest", "scenario", "0-1"));
  }

  @Test
  void shouldPreferTheCommandLineWhenBothGiveAValue() {
    // given
    Map<String, String> properties =
        Map.of(EngineSettings.IMAGE_PROPERTY, "a/b:1", EngineSettings.SCOPE_PROPERTY, "scenario");

    // when
    EngineSettings settings =
        EngineSettings.resolve(properties::get, Map.of(), "container", "c/d:2", "phase", "");

    // then
    assertThat(settings.container().image()).isEqualTo("c/d:2");
    assertThat(settings.scope()).isEqualTo(EngineScope.PHASE);
    assertThat(settings.container().pinned()).isFalse();
  }

  @Test
  void shouldUseCamundasImageOnePerPhaseOnEveryCpuWhenNothingIsGiven() {
    // when
    EngineSettings settings = EngineSettings.resolve(name -> null, Map.of(), null, null, null, " ");

    // then
    assertThat(settings.kind()).isEqualTo(EngineKind.EMBEDDED);
    assertThat(settings.container()).isEqualTo(ContainerSettings.of("camunda/camunda:8.9.0"));
    assertThat(settings.scope()).isEqualTo(EngineScope.PHASE);
    assertThat(settings.setup().image()).as("no image for the embedded engine").isEmpty();
  }

  @Test
  void shouldTakeTheEmbeddedEnginesApiVersionFromItsPropertyWhenItIsSet() {
    // given
    Map<String, String> properties = Map.of(EngineSettings.API_VERSION_PROPERTY, "8.8");

    // when
    EngineSettings settings = EngineSettings.resolve(properties::get, Map.of(), null, null, null, null);

    // then
    assertThat(settings.apiVersion()).isEqualTo(ApiVersion.V8_8);
    assertThat(EngineSettings.resolve(name -> null, Map.of(), null, null, null, null).apiVersion())
        .isEqualTo(ApiVersion.V8_9);
    assertThatThrownBy(
            () -> EngineSettings.resolve(Map.of(EngineSettings.API_VERSION_PROPERTY, "8.7")::get, Map.of(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-Dbenchmark.engine.apiVersion: api version must be one of 8.8, 8.9, but was '8.7'");
  }

  @Test
  void shouldNameTheOptionOrPropertyWhenAValueIsBad() {
    // when / then
    assertThatThrownBy(
            () ->
                EngineSettings.resolve(
                    Map.of(EngineSettings.SCOPE_PROPERTY, "forever")::get,
                    Map.of(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "-Dbenchmark.engine.scope: unknown engine scope 'forever', expected one of phase,"
                + " scenario");
    assertThatThrownBy(
            () -> EngineSettings.resolve(name -> null, Map.of(), "container", null, null, "all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--engine-cpus: the engine's CPUs must be a cpuset such as 0-1 or 2,3, but was 'all'");
    assertThatThrownBy(
            () -> EngineSettings.resolve(name -> null, Map.of(), "embedded", null, null, "0-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--engine-cpus: the engine's CPUs (0-1) pin the container engine only, but the engine"
                + " is embedded; use --engine container or leave the CPUs out");
  }

  @Test
  void shouldStartTheConfiguredContainerWhenAskedForTheAdapter() {
    // when
    EngineAdapter adapter =
        EngineSettings.container(new ContainerSettings("workerbench/engine:latest", "1")).newAdapter();

    // then
    assertThat(adapter).isInstanceOf(ContainerEngine.class);
    assertThat(((ContainerEngine) adapter).settings().cpuset()).isEqualTo("1");
  }
}
