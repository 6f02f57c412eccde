package io.github.workerbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seed's head-to-head comparison: measured results grouped by test condition (workload,
 * instances, concurrency, work duration); every condition that two or more strategies ran is
 * compared, the strategy with the highest mean throughput wins, and its margin is how far it is
 * ahead of the runner-up, in percent of the runner-up's throughput. Immutable.
 *
 * @param conditions the compared conditions, in order of first appearance
 * @param wins how many conditions each strategy won, for every strategy that took part
 */
public record HeadToHead(List<Condition> conditions, Map<String, Integer> wins) {

  public HeadToHead {
    conditions = List.copyOf(conditions);
    wins = Collections.unmodifiableMap(new LinkedHashMap<>(wins));
  }

  /**
   * One test condition and how each strategy did in it.
   *
   * @param workloadType the workload id
   * @param numInstances jobs per run
   * @param maxConcurrentJobs the concurrency limit
   * @param workDurationSeconds work per job in seconds
   * @param byStrategy each strategy's means under this condition
   * @param winner the strategy with the highest mean throughput (first seen, on a tie)
   * @param marginPercent how far the winner is ahead of the runner-up, in percent
   */
  public record Condition(
      String workloadType,
      int numInstances,
      int maxConcurrentJobs,
      double workDurationSeconds,
      Map<String, Aggregate> byStrategy,
      String winner,
      double marginPercent) {

    public Condition {
      byStrategy = Collections.unmodifiableMap(new LinkedHashMap<>(byStrategy));
    }

    /** E.g. {@code cpu n=20 c=10 d=1s}. */
    public String label() {
      return workloadType + " n=" + numInstances + " c=" + maxConcurrentJobs + " d="
          + Fmt.num(workDurationSeconds) + "s";
    }
  }

  /** The head-to-head of these results' measured rows. */
  public static HeadToHead of(List<ReportRow> rows) {
    record Key(String workload, int instances, int concurrency, double duration) {}
    Map<Key, List<ReportRow>> groups = new LinkedHashMap<>();
    for (ReportRow row : rows) {
      if (row.measured()) {
        Key key =
            new Key(
                row.workloadType(),
                row.numInstances(),
                row.maxConcurrentJobs(),
                row.workDurationSeconds());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    List<Condition> conditions = new ArrayList<>();
    Map<String, Integer> wins = new LinkedHashMap<>();
    for (Map.Entry<Key, List<ReportRow>> group : groups.entrySet()) {
      Map<String, Aggregate> byStrategy = Aggregate.byStrategy(group.getValue());
      if (byStrategy.size() < 2) {
        continue;
      }
      String winner = null;
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, Aggregate> entry : byStrategy.entrySet()) {
        double value = entry.getValue().meanJobsPerSecond();
        if (value > best) {
          second = best;
          best = value;
          winner = entry.getKey();
        } else if (value > second) {
          second = value;
        }
      }
      double margin = second > 0 ? (best - second) / second * 100 : 0;
      Key key = group.getKey();
      conditions.add(
          new Condition(
              key.workload(),
              key.instances(),
              key.concurrency(),
              key.duration(),
              byStrategy,
              Objects.requireNonNull(winner),
              margin));
      byStrategy.keySet().forEach(strategy -> wins.putIfAbsent(strategy, 0));
      wins.merge(winner, 1, Integer::sum);
    }
    return new HeadToHead(conditions, wins);
  }
}
