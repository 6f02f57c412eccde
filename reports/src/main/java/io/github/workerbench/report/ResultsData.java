package io.github.workerbench.report;

import io.github.workerbench.model.scenario.Phase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The content of one results file, as the reports use it. Immutable and thread-safe.
 *
 * @param source how to name the file in messages and report titles (usually its path)
 * @param header the file's top-level scalar fields as text (tool, engine, generated_at, ...);
 *     empty for a seed file written as a bare list
 * @param rows the results in file order
 */
public record ResultsData(String source, Map<String, String> header, List<ReportRow> rows) {

  public ResultsData {
    Objects.requireNonNull(source, "source");
    header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    rows = List.copyOf(rows);
  }

  /** The strategies present, in order of first appearance. */
  public List<String> strategies() {
    Set<String> strategies = new LinkedHashSet<>();
    rows.forEach(row -> strategies.add(row.strategy()));
    return List.copyOf(strategies);
  }

  /** The phases present, in order of first appearance. */
  public List<String> phases() {
    Set<String> phases = new LinkedHashSet<>();
    rows.forEach(row -> phases.add(row.phase()));
    return List.copyOf(phases);
  }

  /** The rows of this phase, in file order. */
  public List<ReportRow> phase(String phaseId) {
    return rows.stream().filter(row -> row.phase().equals(phaseId)).toList();
  }

  /** The rows of one of the generated suites' phases, in file order. */
  public List<ReportRow> phase(Phase phase) {
    return phase(phase.id());
  }

  /** The rows that succeeded and carry a throughput. */
  public List<ReportRow> measured() {
    return rows.stream().filter(ReportRow::measured).toList();
  }
}
