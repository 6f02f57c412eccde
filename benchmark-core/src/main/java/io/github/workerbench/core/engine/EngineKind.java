package io.github.workerbench.core.engine;

import io.github.workerbench.model.Identified;

/** The engines a benchmark can run against, by the id used on the command line. */
public enum EngineKind implements Identified {
  /** The in-process engine of the embedded-engine module (the default). */
  EMBEDDED,
  /** The Camunda image started with Testcontainers. */
  CONTAINER,
  /** An existing cluster addressed through the standard client environment variables. */
  REMOTE;

  /**
   * The kind with this id, e.g. {@code embedded}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static EngineKind fromId(String id) {
    return Identified.fromId(EngineKind.class, id, "engine");
  }
}
