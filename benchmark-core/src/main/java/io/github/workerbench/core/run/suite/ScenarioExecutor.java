package io.github.workerbench.core.run.suite;

import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;

/**
 * Runs one scenario to its result: the single-scenario runner as the suite runner sees it ({@code
 * ScenarioRunner::run} in production, a fake in tests).
 *
 * <p>A measured failure is a result with status {@code failed}, not an exception. When the calling
 * thread is interrupted (Ctrl-C) the executor should stop the scenario promptly and return a result
 * with status {@code interrupted}; the suite runner also treats an exception thrown after a stop
 * request as an interruption.
 */
@FunctionalInterface
public interface ScenarioExecutor {

  /** Runs the plan and returns how it went. */
  ScenarioResult execute(ScenarioPlan plan);
}
