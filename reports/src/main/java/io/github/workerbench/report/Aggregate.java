package io.github.workerbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Mean throughput and efficiency over some measured results, e.g. one strategy's results in a
 * phase. Immutable.
 *
 * @param meanJobsPerSecond the mean of the results' throughputs, in jobs per second
 * @param meanEfficiency the mean efficiency (ratio) over the results that carry one; empty when
 *     none does
 * @param results how many results the means cover
 */
public record Aggregate(double meanJobsPerSecond, OptionalDouble meanEfficiency, int results) {

  /** The means over these rows; only {@link ReportRow#measured()} rows should be passed. */
  public static Aggregate of(List<ReportRow> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("an aggregate needs at least one result");
    }
    double throughput = rows.stream().mapToDouble(ReportRow::throughput).average().orElseThrow();
    OptionalDouble efficiency =
        rows.stream()
            .map(ReportRow::efficiency)
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .average();
    return new Aggregate(throughput, efficiency, rows.size());
  }

  /** One aggregate per strategy, in order of first appearance among the rows. */
  public static Map<String, Aggregate> byStrategy(List<ReportRow> rows) {
    Map<String, List<ReportRow>> groups = new LinkedHashMap<>();
    rows.forEach(
        row -> groups.computeIfAbsent(row.strategy(), key -> new java.util.ArrayList<>()).add(row));
    Map<String, Aggregate> aggregates = new LinkedHashMap<>();
    groups.forEach((strategy, group) -> aggregates.put(strategy, of(group)));
    return aggregates;
  }

  /** E.g. {@code 4.80 jobs/s (eff 85.0%)}. */
  String describe() {
    return Fmt.rate(meanJobsPerSecond) + " jobs/s (eff " + Fmt.pct(meanEfficiency) + ")";
  }
}
