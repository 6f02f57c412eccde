package io.github.workerbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knee of one strategy's concurrency curve: the smallest {@code max_concurrent_jobs} whose
 * throughput reaches at least 90% of the best throughput the strategy showed at any concurrency.
 *
 * <p>Results at the same concurrency are averaged first. The 90% test is done as
 * {@code 10 × throughput ≥ 9 × best} so that exactly 90% counts, free of rounding. Immutable.
 *
 * @param strategy the strategy id
 * @param concurrency the knee's concurrency
 * @param jobsPerSecond the mean throughput at the knee
 * @param bestConcurrency the concurrency of the best throughput (the smallest, on a tie)
 * @param bestJobsPerSecond the best mean throughput
 * @param curve mean throughput by concurrency, ascending
 */
public record Knee(
    String strategy,
    int concurrency,
    double jobsPerSecond,
    int bestConcurrency,
    double bestJobsPerSecond,
    Map<Integer, Double> curve) {

  /** The share of the best throughput a concurrency must reach to be the knee. */
  public static final double THRESHOLD = 0.9;

  public Knee {
    curve = java.util.Collections.unmodifiableMap(new TreeMap<>(curve));
  }

  /**
   * The knee of each strategy among these rows (measured ones only), in order of first
   * appearance; strategies without a measured row are left out.
   */
  public static Map<String, Knee> perStrategy(List<ReportRow> rows) {
    Map<String, List<ReportRow>> groups = new LinkedHashMap<>();
    for (ReportRow row : rows) {
      if (row.measured()) {
        groups.computeIfAbsent(row.strategy(), key -> new ArrayList<>()).add(row);
      }
    }
    Map<String, Knee> knees = new LinkedHashMap<>();
    groups.forEach((strategy, group) -> knees.put(strategy, of(strategy, group)));
    return knees;
  }

  /** The knee of one strategy's measured rows. */
  public static Knee of(String strategy, List<ReportRow> rows) {
    Map<Integer, List<Double>> byConcurrency = new TreeMap<>();
    for (ReportRow row : rows) {
      byConcurrency
          .computeIfAbsent(row.maxConcurrentJobs(), key -> new ArrayList<>())
          .add(row.throughput());
    }
    if (byConcurrency.isEmpty()) {
      throw new IllegalArgumentException("a knee needs at least one result of " + strategy);
    }
    Map<Integer, Double> curve = new TreeMap<>();
    byConcurrency.forEach(
        (c, values) ->
            curve.put(c, values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    int bestConcurrency = -1;
    double best = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Integer, Double> point : curve.entrySet()) {
      if (point.getValue() > best) {
        best = point.getValue();
        bestConcurrency = point.getKey();
      }
    }
    for (Map.Entry<Integer, Double> point : curve.entrySet()) {
      if (point.getValue() * 10 >= best * 9) {
        return new Knee(
            strategy, point.getKey(), point.getValue(), bestConcurrency, best, curve);
      }
    }
    throw new IllegalStateException("the best point always reaches 90% of itself");
  }

  /** The knee's throughput as a share of the best (ratio). */
  public double shareOfBest() {
    return bestJobsPerSecond == 0 ? 1 : jobsPerSecond / bestJobsPerSecond;
  }
}
