package io.github.workerbench.core.run;

import io.github.workerbench.model.result.ScenarioResult;
import java.util.List;

/**
 * Keeps the engine's last log lines when a scenario failed (a file beside the results, an
 * attachment of the test) and says where, for the scenario's error. Called on the runner's
 * thread, after the scenario; must not throw.
 */
@FunctionalInterface
public interface EngineLogSink {

  /**
   * Keeps the lines.
   *
   * @param failed the failed scenario's result
   * @param lines the engine's last lines, oldest first; never empty
   * @return a phrase for the scenario's error naming where the lines are, e.g. "the engine's
   *     last 200 log lines are in results-engine-logs/q1.log"; {@code null} when they were not
   *     kept
   */
  String keep(ScenarioResult failed, List<String> lines);

  /** A sink that keeps nothing. */
  static EngineLogSink none() {
    return (failed, lines) -> null;
  }
}
