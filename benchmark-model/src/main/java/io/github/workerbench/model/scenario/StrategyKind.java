package io.github.workerbench.model.scenario;

import io.github.workerbench.model.Identified;

/** The execution model a scenario asks for, by the id it has in scenario files. */
public enum StrategyKind implements Identified {
  /** One event-loop thread; handlers never block. */
  ASYNC,
  /** A fixed pool of platform threads; blocking handlers. */
  THREAD,
  /** One virtual thread per job; blocking handlers. */
  VIRTUAL,
  /** Work runs in a pool of long-lived child JVMs fed over pipes. */
  PROCESS,
  /** Resolved from the workload's hint when the scenario runs. */
  AUTO;

  /**
   * The kind with this id, e.g. {@code async}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static StrategyKind fromId(String id) {
    return Identified.fromId(StrategyKind.class, id, "strategy");
  }
}
