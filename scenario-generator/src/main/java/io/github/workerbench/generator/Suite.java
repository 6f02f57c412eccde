package io.github.workerbench.generator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The scenario suites, by the id users type ({@code --suite quick}). */
public enum Suite {
  /** 3 smoke scenarios, one repeat each: does the setup work at all. */
  MINIMAL("minimal"),
  /** 11 scenarios: baseline, a concurrency sweep and two workloads. */
  QUICK("quick"),
  /** 18 head-to-head scenarios, async against thread, one repeat each. */
  FAST("fast"),
  /** The seed's 71 scenarios in 8 phases. */
  FULL("full"),
  /** full plus the Java strategies, transports and acquisition phases (102 scenarios). */
  EXTENDED("extended");

  private final String id;

  Suite(String id) {
    this.id = id;
  }

  /** The id used on the command line. */
  public String id() {
    return id;
  }

  /**
   * The suite with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static Suite fromId(String id) {
    for (Suite suite : values()) {
      if (suite.id.equals(id)) {
        return suite;
      }
    }
    throw new IllegalArgumentException("unknown suite '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", "));
  }
}
