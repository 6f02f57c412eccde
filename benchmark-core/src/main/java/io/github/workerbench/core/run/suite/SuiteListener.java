package io.github.workerbench.core.run.suite;

import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;

/**
 * Hears a suite's progress, to show it. Called on the suite runner's thread, except {@link
 * #jobsCompleted}, which comes from the worker's threads and must be cheap and thread-safe. Every
 * method does nothing by default.
 */
public interface SuiteListener {

  /**
   * The suite begins.
   *
   * @param toRun scenarios that will run
   * @param resumed scenarios skipped because the results file already holds their success
   * @param idealTotal the ideal time of every scenario to run, all repeats
   */
  default void suiteStarted(int toRun, int resumed, Duration idealTotal) {}

  /**
   * A scenario begins.
   *
   * @param index 1-based position among the scenarios to run
   * @param eta the estimated time left for this and every later scenario: their ideal times, times
   *     the ratio of actual to ideal time seen so far in this run
   */
  default void scenarioStarted(int index, int total, ScenarioPlan plan, Duration eta) {}

  /** Jobs completed so far in the running scenario, over all its repeats. */
  default void jobsCompleted(long completed, long expected) {}

  /** A scenario ended and its result is saved. */
  default void scenarioFinished(int index, int total, ScenarioResult result) {}

  /** The suite ended (done, stopped at a failure, or interrupted); the file is saved. */
  default void suiteFinished(SuiteOutcome outcome) {}

  /** A listener that ignores everything. */
  static SuiteListener noop() {
    return NoopSuiteListener.INSTANCE;
  }
}

/** The listener that ignores everything. */
final class NoopSuiteListener implements SuiteListener {
  static final NoopSuiteListener INSTANCE = new NoopSuiteListener();

  private NoopSuiteListener() {}
}
