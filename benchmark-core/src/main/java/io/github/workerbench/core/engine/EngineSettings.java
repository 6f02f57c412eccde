package io.github.workerbench.core.engine;

import io.github.workerbench.engine.ApiVersion;
import java.util.Map;
import java.util.Objects;

/**
 * Which engine to use and what it needs: the container image for {@link EngineKind#CONTAINER},
 * the environment (addresses, credentials) for {@link EngineKind#REMOTE}. {@link #newAdapter()}
 * is the one place that turns a kind into an adapter.
 *
 * <p>The environment may hold secrets, so {@link #toString()} never shows it. Immutable and
 * thread-safe.
 *
 * @param kind the engine
 * @param containerImage the image the container engine starts, e.g. {@code camunda/camunda:8.9.0}
 * @param environment the variables the remote engine reads its addresses and credentials from
 */
public record EngineSettings(
    EngineKind kind, String containerImage, Map<String, String> environment) {

  /** The system property that chooses the engine when the command line does not. */
  public static final String ENGINE_PROPERTY = "benchmark.engine";

  /** The system property that overrides the container image. */
  public static final String IMAGE_PROPERTY = "benchmark.engine.image";

  /** The system property that chooses the embedded engine's API version ({@code 8.8}, {@code 8.9}). */
  public static final String API_VERSION_PROPERTY = "benchmark.engine.apiVersion";

  public EngineSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(containerImage, "containerImage");
    if (containerImage.isBlank()) {
      throw new IllegalArgumentException("container image must not be empty");
    }
    environment = Map.copyOf(environment);
  }

  /** The embedded engine. */
  public static EngineSettings embedded() {
    return new EngineSettings(EngineKind.EMBEDDED, ContainerEngine.DEFAULT_IMAGE, Map.of());
  }

  /** The container engine on {@code image}. */
  public static EngineSettings container(String image) {
    return new EngineSettings(EngineKind.CONTAINER, image, Map.of());
  }

  /** A remote engine addressed by these environment variables. */
  public static EngineSettings remote(Map<String, String> environment) {
    return new EngineSettings(EngineKind.REMOTE, ContainerEngine.DEFAULT_IMAGE, environment);
  }

  /**
   * The settings this process asks for: {@code engineId} when given, else the system property
   * {@value #ENGINE_PROPERTY}, else embedded; the image from {@value #IMAGE_PROPERTY}; the
   * environment of this process.
   *
   * @throws IllegalArgumentException when the engine id is unknown
   */
  public static EngineSettings fromSystem(String engineId) {
    String id = engineId != null ? engineId : System.getProperty(ENGINE_PROPERTY, "embedded");
    return new EngineSettings(
        EngineKind.fromId(id),
        System.getProperty(IMAGE_PROPERTY, ContainerEngine.DEFAULT_IMAGE),
        System.getenv());
  }

  /**
   * The embedded engine's API version this process asks for: the system property {@value
   * #API_VERSION_PROPERTY}, else the latest.
   *
   * @throws IllegalArgumentException naming the property when its value is not a version
   */
  public static ApiVersion apiVersionFromSystem() {
    String value = System.getProperty(API_VERSION_PROPERTY);
    if (value == null || value.isBlank()) {
      return ApiVersion.latest();
    }
    try {
      return ApiVersion.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-D" + API_VERSION_PROPERTY + ": " + e.getMessage(), e);
    }
  }

  /** A new, not yet started adapter for these settings. */
  public EngineAdapter newAdapter() {
    return switch (kind) {
      case EMBEDDED -> new EmbeddedEngine();
      case CONTAINER -> new ContainerEngine(containerImage);
      case REMOTE -> new RemoteEngine(environment);
    };
  }

  /** The kind and image only: the environment may hold secrets. */
  @Override
  public String toString() {
    return "EngineSettings[kind=" + kind.id() + ", containerImage=" + containerImage + "]";
  }
}
