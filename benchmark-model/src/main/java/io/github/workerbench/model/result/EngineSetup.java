package io.github.workerbench.model.result;

import java.util.Objects;

/**
 * How the engine of a run was set up, beyond its kind: what the results header records so that
 * runs on different images, scopes or CPUs are not compared unawares. Each field is {@code ""}
 * where it does not apply or is unknown (a file written before these fields existed).
 *
 * @param image the container image ({@code ""} unless the engine ran in a container)
 * @param scope how long one engine lived: {@code phase} or {@code scenario}
 * @param cpus the cpuset the engine's container was pinned to ({@code ""}: not pinned)
 */
public record EngineSetup(String image, String scope, String cpus) {

  public EngineSetup {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(cpus, "cpus");
  }

  /** Nothing known beyond the kind. */
  public static EngineSetup unknown() {
    return new EngineSetup("", "", "");
  }
}
