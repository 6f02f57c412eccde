package io.github.workerbench.core.run.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.model.result.ScenarioResult;
import java.time.Duration;
import java.util.List;

/**
 * How a suite run ended.
 *
 * @param results the results of the scenarios this run ran, in order
 * @param failedNames the scenarios this run ran that did not succeed (failed or interrupted)
 * @param resumed scenarios skipped because the results file already held their success
 * @param notRun selected scenarios that did not run because the suite stopped early
 * @param interrupted whether the user stopped the run
 * @param elapsed the run's wall time
 * @param fileResults every result in the saved file, as written
 */
public record SuiteOutcome(
    List<ScenarioResult> results,
    List<String> failedNames,
    int resumed,
    int notRun,
    boolean interrupted,
    Duration elapsed,
    List<ObjectNode> fileResults) {

  public SuiteOutcome {
    results = List.copyOf(results);
    failedNames = List.copyOf(failedNames);
    fileResults = List.copyOf(fileResults);
  }

  /** Whether a scenario of this run did not succeed. */
  public boolean anyFailed() {
    return !failedNames.isEmpty();
  }
}
