package io.github.workerbench.model.result;

import io.github.workerbench.model.scenario.EngineConditions;
import java.util.Objects;

/**
 * How the engine of a run was set up, beyond its kind: what the results header records so that
 * runs on different images, scopes or CPUs are not compared unawares. Each field is {@code ""}
 * where it does not apply or is unknown (a file written before these fields existed).
 *
 * @param image the container image ({@code ""} unless the engine ran in a container)
 * @param scope how long one engine lived: {@code phase} or {@code scenario}
 * @param cpus the cpuset the engine's container was pinned to ({@code ""}: not pinned)
 * @param conditions the latency and back-pressure the embedded engine added for every scenario
 *     that set none of its own (the run's {@code --engine-latency-ms} and the like; a scenario's
 *     own are in its result)
 */
public record EngineSetup(String image, String scope, String cpus, EngineConditions conditions) {

  public EngineSetup {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(cpus, "cpus");
    Objects.requireNonNull(conditions, "conditions");
  }

  /** A setup whose engine added nothing of a remote cluster's. */
  public EngineSetup(String image, String scope, String cpus) {
    this(image, scope, cpus, EngineConditions.NONE);
  }

  /** Nothing known beyond the kind. */
  public static EngineSetup unknown() {
    return new EngineSetup("", "", "");
  }
}
