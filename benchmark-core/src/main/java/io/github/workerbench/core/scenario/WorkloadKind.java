package io.github.workerbench.core.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The workload a scenario asks for, by the id it has in scenario files. */
public enum WorkloadKind {
  /** A fixed amount of computation calibrated to take work_duration on one idle core. */
  CPU("cpu"),
  /** Write 1 MiB, fsync, read it back, until work_duration has passed. */
  IO("io"),
  /** The external command sleep work_duration. */
  SUBPROCESS("subprocess"),
  /** A child process whose 5 threads contend for one lock. */
  SUBPROCESS_THREADED("subprocess_threaded"),
  /** A pure timer wait: the probe of the harness's own overhead. */
  SLEEP("sleep");

  private final String id;

  WorkloadKind(String id) {
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
  public static WorkloadKind fromId(String id) {
    for (WorkloadKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown workload '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(WorkloadKind::id).collect(Collectors.joining(", "));
  }
}
