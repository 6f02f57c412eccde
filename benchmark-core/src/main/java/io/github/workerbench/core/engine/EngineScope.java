package io.github.workerbench.core.engine;

import io.github.workerbench.model.Identified;

/**
 * How long one engine lives: for a phase (the benchmark tests' factories, consecutive scenarios
 * of one phase in {@code bench run}) or for a single scenario (a fresh engine, a fresh container,
 * for every scenario). Isolation within a scope comes from each repeat's unique process id; a
 * fresh engine per scenario adds its start-up (recorded as {@code engine_startup_time}, never in
 * a measured window) and the warm-up to every scenario.
 */
public enum EngineScope implements Identified {
  /** One engine for consecutive scenarios of the same phase (the default). */
  PHASE,
  /** A fresh engine for every scenario. */
  SCENARIO;

  /**
   * The scope with this id, e.g. {@code phase}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static EngineScope fromId(String id) {
    return Identified.fromId(EngineScope.class, id, "engine scope");
  }
}
