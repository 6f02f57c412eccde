package io.github.workerbench.core.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The execution model a scenario asks for, by the id it has in scenario files. */
public enum StrategyKind {
  /** One event-loop thread; handlers never block. */
  ASYNC("async"),
  /** A fixed pool of platform threads; blocking handlers. */
  THREAD("thread"),
  /** One virtual thread per job; blocking handlers. */
  VIRTUAL("virtual"),
  /** Work runs in a pool of long-lived child JVMs fed over pipes. */
  PROCESS("process"),
  /** Resolved from the workload's hint when the scenario runs. */
  AUTO("auto");

  private final String id;

  StrategyKind(String id) {
    this.id = id;
  }

  /** The id used in scenario and results files, e.g. {@code "async"}. */
  public String id() {
    return id;
  }

  /**
   * The kind with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static StrategyKind fromId(String id) {
    for (StrategyKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown strategy '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(StrategyKind::id).collect(Collectors.joining(", "));
  }
}
