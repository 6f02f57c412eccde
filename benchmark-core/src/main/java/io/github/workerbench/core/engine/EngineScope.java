package io.github.workerbench.core.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How long one engine lives: for a phase (the benchmark tests' factories, consecutive scenarios
 * of one phase in {@code bench run}) or for a single scenario (a fresh engine, a fresh container,
 * for every scenario). Isolation within a scope comes from each repeat's unique process id; a
 * fresh engine per scenario adds its start-up (recorded as {@code engine_startup_time}, never in
 * a measured window) and the warm-up to every scenario.
 */
public enum EngineScope {
  /** One engine for consecutive scenarios of the same phase (the default). */
  PHASE("phase"),
  /** A fresh engine for every scenario. */
  SCENARIO("scenario");

  private final String id;

  EngineScope(String id) {
    this.id = id;
  }

  /** The id used on the command line, in properties and in results files. */
  public String id() {
    return id;
  }

  /**
   * The scope with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static EngineScope fromId(String id) {
    for (EngineScope scope : values()) {
      if (scope.id.equals(id)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "unknown engine scope '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(EngineScope::id).collect(Collectors.joining(", "));
  }
}
