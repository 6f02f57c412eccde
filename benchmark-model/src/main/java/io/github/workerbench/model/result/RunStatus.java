package io.github.workerbench.model.result;

import io.github.workerbench.model.Identified;

/** How a scenario or one of its repeats ended, by the id it has in results files. */
public enum RunStatus implements Identified {
  /** Every job completed within the timeout. */
  SUCCESS,
  /** The timeout passed, or the harness or engine failed; the reason is in {@code error}. */
  FAILED,
  /** The user stopped the run (Ctrl-C) while it ran. */
  INTERRUPTED;

  /** The status with this id; {@link IllegalArgumentException} naming the ids when there is none. */
  public static RunStatus fromId(String id) {
    return Identified.fromId(RunStatus.class, id, "status");
  }
}
