package io.github.workerbench.model.scenario;

import io.github.workerbench.model.Identified;

/** The acquisition a scenario asks for, by the id it has in scenario files. */
public enum AcquisitionKind implements Identified {
  /** {@code job-worker}: the client's own JobWorker, as users run it. */
  JOB_WORKER,
  /** {@code direct}: the harness's own activation loop that asks for exactly the free capacity. */
  DIRECT;

  /**
   * The kind with this id, e.g. {@code job-worker}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static AcquisitionKind fromId(String id) {
    return Identified.fromId(AcquisitionKind.class, id, "acquisition");
  }
}
