package io.github.workerbench.model.scenario;

import io.github.workerbench.model.Identified;
import java.util.Locale;

/**
 * The workload a scenario asks for, by the id it has in scenario files: the constant's name in
 * lower case, with {@code _} kept ({@code subprocess_threaded}, as the seed spells it).
 */
public enum WorkloadKind implements Identified {
  /** A fixed amount of computation calibrated to take work_duration on one idle core. */
  CPU,
  /** Write 1 MiB, fsync, read it back, until work_duration has passed. */
  IO,
  /** The external command sleep work_duration. */
  SUBPROCESS,
  /** A child process whose 5 threads contend for one lock. */
  SUBPROCESS_THREADED,
  /** A pure timer wait: the probe of the harness's own overhead. */
  SLEEP;

  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind with this id, e.g. {@code subprocess_threaded}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static WorkloadKind fromId(String id) {
    return Identified.fromId(WorkloadKind.class, id, "workload");
  }
}
