package io.github.workerbench.core.result;

/** How a scenario or one of its repeats ended, by the id it has in results files. */
public enum RunStatus {
  /** Every job completed within the timeout. */
  SUCCESS("success"),
  /** The timeout passed, or the harness or engine failed; the reason is in {@code error}. */
  FAILED("failed"),
  /** The user stopped the run (Ctrl-C) while it ran. */
  INTERRUPTED("interrupted");

  private final String id;

  RunStatus(String id) {
    this.id = id;
  }

  /** The id used in results files. */
  public String id() {
    return id;
  }

  /** The status with this id; {@link IllegalArgumentException} when there is none. */
  public static RunStatus fromId(String id) {
    for (RunStatus status : values()) {
      if (status.id.equals(id)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status '" + id + "'");
  }
}
