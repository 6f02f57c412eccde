package io.github.workerbench.engine.state;

/**
 * Zeebe-style keys, handed out in order from partition 1's first key ({@link
 * EngineState#FIRST_KEY}), one sequence for deployments, definitions, instances, element instances
 * and jobs. Guarded by the {@link EngineState} lock.
 */
final class Keys {

  private long next = EngineState.FIRST_KEY;

  long next() {
    return next++;
  }
}
