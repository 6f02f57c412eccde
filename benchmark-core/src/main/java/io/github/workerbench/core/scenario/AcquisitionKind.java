package io.github.workerbench.core.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The acquisition a scenario asks for, by the id it has in scenario files. */
public enum AcquisitionKind {
  /** The client's own JobWorker, as users run it. */
  JOB_WORKER("job-worker"),
  /** The harness's own activation loop that asks for exactly the free capacity. */
  DIRECT("direct");

  private final String id;

  AcquisitionKind(String id) {
    this.id = id;
  }

  /** The id used in scenario and results files. */
  public String id() {
    return id;
  }

  /**
   * The kind with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static AcquisitionKind fromId(String id) {
    for (AcquisitionKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown acquisition '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(AcquisitionKind::id).collect(Collectors.joining(", "));
  }
}
