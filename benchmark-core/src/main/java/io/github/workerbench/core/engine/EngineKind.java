package io.github.workerbench.core.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The engines a benchmark can run against, by the id used on the command line. */
public enum EngineKind {
  /** The in-process engine of the embedded-engine module (the default). */
  EMBEDDED("embedded"),
  /** The Camunda image started with Testcontainers. */
  CONTAINER("container"),
  /** An existing cluster addressed through the standard client environment variables. */
  REMOTE("remote");

  private final String id;

  EngineKind(String id) {
    this.id = id;
  }

  /** The id used on the command line and in results files, e.g. {@code "embedded"}. */
  public String id() {
    return id;
  }

  /**
   * The kind with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static EngineKind fromId(String id) {
    for (EngineKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown engine '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(EngineKind::id).collect(Collectors.joining(", "));
  }
}
