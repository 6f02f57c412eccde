package io.github.workerbench.core.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the container engine starts: the image, and optionally the CPUs its container may run on
 * (a Docker cpuset such as {@code 0-1} or {@code 2,3}), so that on a machine with cores to spare
 * the engine does not share the worker's. Immutable.
 *
 * @param image the image, e.g. {@code camunda/camunda:8.9.0} or {@code workerbench/engine:latest}
 * @param cpuset the CPUs of the container, or {@code ""} for no pinning
 */
public record ContainerSettings(String image, String cpuset) {

  private static final Pattern CPUSET = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

  public ContainerSettings {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(cpuset, "cpuset");
    if (image.isBlank()) {
      throw new IllegalArgumentException("the container image must not be empty");
    }
    if (!cpuset.isEmpty() && !CPUSET.matcher(cpuset).matches()) {
      throw new IllegalArgumentException(
          "the engine's CPUs must be a cpuset such as 0-1 or 2,3, but was '" + cpuset + "'");
    }
  }

  /** This image on every CPU. */
  public static ContainerSettings of(String image) {
    return new ContainerSettings(image, "");
  }

  /** Camunda's image ({@value ContainerEngine#DEFAULT_IMAGE}) on every CPU. */
  public static ContainerSettings defaults() {
    return of(ContainerEngine.DEFAULT_IMAGE);
  }

  /** Whether the container is pinned to a cpuset. */
  public boolean pinned() {
    return !cpuset.isEmpty();
  }
}
