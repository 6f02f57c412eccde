package io.github.workerbench.tests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.model.result.EngineSetup;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ResultsHeader;
import io.github.workerbench.model.result.ScenarioResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the results of one test run and rewrites the results file (the format of {@code bench
 * run}, docs/RESULTS_FORMAT.md) after each scenario, so the reports module reads either.
 *
 * <p>The header names the run's sources ({@code suite:minimal}, a file; several joined by
 * {@code ", "}) and the duration scale of its first scenario. Thread-safe.
 */
final class ResultsRecorder {

  private final ResultsFile file;
  private final String engine;
  private final EngineSetup engineSetup;
  private final Instant startedAt;
  private final Set<String> sources = new LinkedHashSet<>();
  private final List<ObjectNode> results = new ArrayList<>();
  private double durationScale = Double.NaN;

  ResultsRecorder(ResultsFile file, String engine, EngineSetup engineSetup, Instant startedAt) {
    this.file = file;
    this.engine = engine;
    this.engineSetup = engineSetup;
    this.startedAt = startedAt;
  }

  /** Adds a result and saves the file; returns the object written for it. */
  synchronized ObjectNode record(String source, ScenarioResult result) {
    ObjectNode node = ResultsFile.toNode(result);
    sources.add(source);
    if (Double.isNaN(durationScale)) {
      durationScale = result.plan().durationScale();
    }
    results.add(node);
    file.write(
        new ResultsHeader(startedAt, String.join(", ", sources), engine, durationScale, engineSetup),
        results);
    return node;
  }
}
