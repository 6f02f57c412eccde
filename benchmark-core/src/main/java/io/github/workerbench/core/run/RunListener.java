package io.github.workerbench.core.run;

import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;

/**
 * Hears how a {@link ScenarioRunner} progresses, e.g. to print progress or save results after
 * each scenario. Called on the runner's thread, never on the measured path; every method does
 * nothing unless overridden. Implementations should return quickly and must not throw.
 */
public interface RunListener {

  /** A scenario is about to start (before the engine is reached). */
  default void scenarioStarted(ScenarioPlan plan) {}

  /** A repeat (1-based) is about to deploy and create its instances. */
  default void repeatStarted(ScenarioPlan plan, int repeat) {}

  /** A repeat ended, successfully or not. */
  default void repeatFinished(ScenarioPlan plan, RepeatMetrics metrics) {}

  /** A scenario ended; its result is final. */
  default void scenarioFinished(ScenarioResult result) {}

  /** A listener that ignores everything. */
  static RunListener noop() {
    return NoopRunListener.INSTANCE;
  }
}
