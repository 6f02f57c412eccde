package io.github.workerbench.core.engine;

import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.model.result.EngineSetup;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which engine to use and what it needs: the API version for {@link EngineKind#EMBEDDED}, the
 * container's image and CPUs for {@link EngineKind#CONTAINER}, the environment (addresses,
 * credentials) for {@link EngineKind#REMOTE}, and for every kind how long one engine lives ({@link
 * EngineScope}). {@link #newAdapter()} is
 * the one place that turns a kind into an adapter.
 *
 * <p>The environment may hold secrets, so {@link #toString()} never shows it. Immutable and
 * thread-safe.
 *
 * @param kind the engine
 * @param container what the container engine starts (ignored by the other kinds, except that a
 *     cpuset is refused for them)
 * @param scope how long one engine lives
 * @param apiVersion the Camunda API generation the embedded engine answers as (ignored by the
 *     other kinds, which are what they are)
 * @param environment the variables the remote engine reads its addresses and credentials from
 */
public record EngineSettings(
    EngineKind kind,
    ContainerSettings container,
    EngineScope scope,
    ApiVersion apiVersion,
    Map<String, String> environment) {

  /** The system property that chooses the engine when the command line does not. */
  public static final String ENGINE_PROPERTY = "benchmark.engine";

  /** The system property that overrides the container image. */
  public static final String IMAGE_PROPERTY = "benchmark.engine.image";

  /** The system property that chooses the engine scope ({@code phase} or {@code scenario}). */
  public static final String SCOPE_PROPERTY = "benchmark.engine.scope";

  /** The system property that pins the container engine to a cpuset, e.g. {@code 0-1}. */
  public static final String CPUS_PROPERTY = "benchmark.engine.cpus";

  /** The system property that chooses the embedded engine's API version ({@code 8.8}, {@code 8.9}). */
  public static final String API_VERSION_PROPERTY = "benchmark.engine.apiVersion";

  public EngineSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(apiVersion, "apiVersion");
    environment = Map.copyOf(environment);
    if (container.pinned() && kind != EngineKind.CONTAINER) {
      throw new IllegalArgumentException(
          "the engine's CPUs ("
              + container.cpuset()
              + ") pin the container engine only, but the engine is "
              + kind.id()
              + "; use --engine container or leave the CPUs out");
    }
  }

  /** The embedded engine, one per phase. */
  public static EngineSettings embedded() {
    return new EngineSettings(
        EngineKind.EMBEDDED, ContainerSettings.defaults(), EngineScope.PHASE, ApiVersion.latest(), Map.of());
  }

  /** The container engine on {@code image}, one per phase, on every CPU. */
  public static EngineSettings container(String image) {
    return container(ContainerSettings.of(image));
  }

  /** The container engine as {@code container} says, one per phase. */
  public static EngineSettings container(ContainerSettings container) {
    return new EngineSettings(EngineKind.CONTAINER, container, EngineScope.PHASE, ApiVersion.latest(), Map.of());
  }

  /** A remote engine addressed by these environment variables, reached once per phase. */
  public static EngineSettings remote(Map<String, String> environment) {
    return new EngineSettings(
        EngineKind.REMOTE, ContainerSettings.defaults(), EngineScope.PHASE, ApiVersion.latest(), environment);
  }

  /** These settings with another scope. */
  public EngineSettings withScope(EngineScope newScope) {
    return new EngineSettings(kind, container, newScope, apiVersion, environment);
  }

  /**
   * The settings this process asks for: {@code engineId} when given, else the system property
   * {@value #ENGINE_PROPERTY}, else embedded; the rest from their system properties; the
   * environment of this process.
   *
   * @throws IllegalArgumentException when a value is not valid, naming its property
   */
  public static EngineSettings fromSystem(String engineId) {
    return fromSystem(engineId, null, null, null);
  }

  /**
   * The settings the command line and the system properties ask for: each given value (the
   * command line's {@code --engine}, {@code --engine-image}, {@code --engine-scope}, {@code
   * --engine-cpus}; {@code null} when not given) wins over its system property, which wins over
   * the default (embedded, {@value ContainerEngine#DEFAULT_IMAGE}, phase, every CPU).
   *
   * @throws IllegalArgumentException when a value is not valid, naming its option or property
   */
  public static EngineSettings fromSystem(
      String engineId, String image, String scope, String cpus) {
    return resolve(System::getProperty, System.getenv(), engineId, image, scope, cpus);
  }

  /**
   * As {@link #fromSystem(String, String, String, String)}, with the properties read from
   * {@code properties} (absent or blank: not set), e.g. JUnit's configuration parameters. The
   * embedded engine's API version has no option: {@value #API_VERSION_PROPERTY}, else the latest.
   *
   * @throws IllegalArgumentException when a value is not valid, naming its option or property
   */
  public static EngineSettings resolve(
      Function<String, String> properties,
      Map<String, String> environment,
      String engineId,
      String image,
      String scope,
      String cpus) {
    Value kindValue = Value.of(engineId, "--engine", properties, ENGINE_PROPERTY, "embedded");
    Value imageValue =
        Value.of(image, "--engine-image", properties, IMAGE_PROPERTY, ContainerEngine.DEFAULT_IMAGE);
    Value scopeValue =
        Value.of(scope, "--engine-scope", properties, SCOPE_PROPERTY, EngineScope.PHASE.id());
    Value cpusValue = Value.of(cpus, "--engine-cpus", properties, CPUS_PROPERTY, "");
    Value apiValue = Value.of(null, null, properties, API_VERSION_PROPERTY, ApiVersion.latest().id());
    EngineKind kind = kindValue.parse(EngineKind::fromId);
    ApiVersion apiVersion = apiValue.parse(ApiVersion::fromId);
    ContainerSettings container;
    try {
      container = new ContainerSettings(imageValue.text(), cpusValue.text());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (imageValue.text().isBlank() ? imageValue : cpusValue).name() + ": " + e.getMessage(), e);
    }
    EngineScope engineScope = scopeValue.parse(EngineScope::fromId);
    try {
      return new EngineSettings(kind, container, engineScope, apiVersion, environment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(cpusValue.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks, fast, that this engine can run here: for the container engine, that Docker answers
   * ({@link DockerEnvironment}); nothing for the others, whose start says what is wrong.
   *
   * @throws DockerUnavailableException when the container engine cannot run here
   */
  public void requireAvailable() {
    if (kind == EngineKind.CONTAINER) {
      try (DockerEnvironment docker = new DockerEnvironment()) {
        docker.requireAvailable();
      }
    }
  }

  /** A new, not yet started adapter for these settings. */
  public EngineAdapter newAdapter() {
    return switch (kind) {
      case EMBEDDED -> new EmbeddedEngine(EngineConfig.builder().ephemeralPorts().apiVersion(apiVersion).build());
      case CONTAINER -> new ContainerEngine(container);
      case REMOTE -> new RemoteEngine(environment);
    };
  }

  /**
   * The embedded engine's API version this process asks for: the system property {@value
   * #API_VERSION_PROPERTY}, else the latest.
   *
   * @throws IllegalArgumentException naming the property when its value is not a version
   */
  public static ApiVersion apiVersionFromSystem() {
    return Value.of(null, null, System::getProperty, API_VERSION_PROPERTY, ApiVersion.latest().id())
        .parse(ApiVersion::fromId);
  }

  /** What the results header records of these settings: image (for a container), scope, CPUs. */
  public EngineSetup setup() {
    return new EngineSetup(
        kind == EngineKind.CONTAINER ? container.image() : "", scope.id(), container.cpuset());
  }

  /** The kind, the container, the scope: never the environment, which may hold secrets. */
  @Override
  public String toString() {
    return "EngineSettings[kind="
        + kind.id()
        + ", container="
        + container
        + ", scope="
        + scope.id()
        + ", apiVersion="
        + apiVersion.id()
        + "]";
  }

  /** One setting's text and the name the user gave it by (an option or a property). */
  private record Value(String text, String name) {

    static Value of(
        String given,
        String option,
        Function<String, String> properties,
        String property,
        String fallback) {
      if (given != null) {
        return new Value(given.strip(), option);
      }
      String value = properties.apply(property);
      if (value != null && !value.isBlank()) {
        return new Value(value.strip(), "-D" + property);
      }
      return new Value(fallback, property);
    }

    <T> T parse(Function<String, T> parser) {
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
    }
  }
}
