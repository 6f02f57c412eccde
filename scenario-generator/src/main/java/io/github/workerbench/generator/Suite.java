package io.github.workerbench.generator;

import io.github.workerbench.model.Identified;

/** The scenario suites, by the id users type ({@code --suite quick}). */
public enum Suite implements Identified {
  /** 3 smoke scenarios, one repeat each: does the setup work at all. */
  MINIMAL,
  /** 11 scenarios: baseline, a concurrency sweep and two workloads. */
  QUICK,
  /** 18 head-to-head scenarios, async against thread, one repeat each. */
  FAST,
  /** The seed's 71 scenarios in 8 phases. */
  FULL,
  /** full plus the Java strategies, transports and acquisition phases (102 scenarios). */
  EXTENDED;

  /**
   * The suite with this id, e.g. {@code quick}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static Suite fromId(String id) {
    return Identified.fromId(Suite.class, id, "suite");
  }
}
