package io.github.workerbench.report;

import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.scenario.Phase;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Answers the guide's six key questions from a results file, each with its figures.
 *
 * <p>Each question reads the phases the guide names for it, counting only results that succeeded
 * for throughput: (1) {@code 1_baseline} plus the cpu results of {@code 2_workload_types};
 * (2) and (3) {@code 3_concurrency_scaling}, falling back to the quick suite's
 * {@code quick_concurrency}; (4) the io results of {@code 2_workload_types} and
 * {@code 6_interactions}, falling back to the io results of {@code quick_workload}; (5)
 * {@code 7_edge_cases}, {@code edge_massive_load} first; (6) every result of
 * {@code 8_subprocess_threading}, falling back to any {@code subprocess_threaded} result. A
 * fallback is always stated in the answer, and so is a missing phase. The strategy comparisons
 * (1 and 4) read the results' diagnoses too: when one strategy is held back by a cause outside its
 * execution model that another does not meet, the answer says the comparison is confounded
 * ({@link Confounding}). Stateless.
 */
public final class KeyQuestions {

  private KeyQuestions() {}

  /** The six answers, in the guide's order. */
  public static List<KeyAnswer> answer(ResultsData data) {
    return List.of(
        fastestForCpu(data),
        concurrencyEffect(data),
        optimalConcurrency(data),
        ioHandling(data),
        extremeLoad(data),
        subprocessThreading(data));
  }

  /** The rows the concurrency questions read, and the phase they came from (empty if none). */
  static Map.Entry<String, List<ReportRow>> concurrencyRows(ResultsData data) {
    for (Phase phase : List.of(Phase.CONCURRENCY_SCALING, Phase.QUICK_CONCURRENCY)) {
      if (!data.phase(phase).isEmpty()) {
        return Map.entry(phase.id(), data.phase(phase));
      }
    }
    return Map.entry("", List.of());
  }

  private static KeyAnswer fastestForCpu(ResultsData data) {
    String question = "Which strategy is fastest for CPU-bound work?";
    List<String> basis = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<ReportRow> rows = new ArrayList<>();
    collect(data, Phase.BASELINE, row -> true, rows, basis, missing);
    collect(data, Phase.WORKLOAD_TYPES, row -> is(row, WorkloadKind.CPU), rows, basis, missing);
    List<ReportRow> measured = rows.stream().filter(ReportRow::measured).toList();
    if (measured.isEmpty()) {
      return unanswered(1, question, basis, missing, "cpu results");
    }
    List<String> evidence = new ArrayList<>(strategyLines(Aggregate.byStrategy(measured)));
    HeadToHead.of(measured).conditions().forEach(c -> evidence.add(conditionLine(c)));
    evidence.addAll(Confounding.causeLines(measured));
    String answer = ranking(measured, "on cpu work") + Confounding.note(measured) + missingNote(missing);
    return new KeyAnswer(1, question, answer, evidence, basis, missing);
  }

  private static KeyAnswer concurrencyEffect(ResultsData data) {
    String question = "How does concurrency affect throughput?";
    Map.Entry<String, List<ReportRow>> source = concurrencyRows(data);
    Map<String, Knee> knees = Knee.perStrategy(source.getValue());
    if (knees.isEmpty()) {
      return unanswered(
          2, question, basisOf(source), List.of(Phase.CONCURRENCY_SCALING.id()), "results");
    }
    List<String> evidence = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (Knee knee : knees.values()) {
      evidence.add(curveLine(knee, source.getValue()));
      int lowest = knee.curve().keySet().iterator().next();
      double first = knee.curve().get(lowest);
      String factor = first > 0 ? "x" + String.format(java.util.Locale.ROOT, "%.1f", knee.bestJobsPerSecond() / first) : "from 0";
      parts.add(
          knee.strategy() + " " + factor + " from c=" + lowest + " to its best at c="
              + knee.bestConcurrency() + " (" + Fmt.rate(knee.bestJobsPerSecond()) + " jobs/s)");
    }
    Knee top =
        knees.values().stream().max(Comparator.comparingDouble(Knee::bestJobsPerSecond)).orElseThrow();
    String answer =
        "From the lowest concurrency to the best: " + String.join("; ", parts) + ". Highest: "
            + top.strategy() + " at c=" + top.bestConcurrency() + "." + fallbackNote(source);
    return new KeyAnswer(
        2, question, answer, evidence, List.of(source.getKey()), missingFor(source));
  }

  private static KeyAnswer optimalConcurrency(ResultsData data) {
    String question =
        "What is the optimal max_concurrent_jobs (the knee: the smallest concurrency reaching"
            + " at least 90% of the best throughput)?";
    Map.Entry<String, List<ReportRow>> source = concurrencyRows(data);
    Map<String, Knee> knees = Knee.perStrategy(source.getValue());
    if (knees.isEmpty()) {
      return unanswered(
          3, question, basisOf(source), List.of(Phase.CONCURRENCY_SCALING.id()), "results");
    }
    List<String> evidence = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (Knee knee : knees.values()) {
      parts.add(knee.strategy() + " c=" + knee.concurrency());
      evidence.add(
          knee.strategy() + ": knee at c=" + knee.concurrency() + " with "
              + Fmt.rate(knee.jobsPerSecond()) + " jobs/s = " + Fmt.pct(knee.shareOfBest())
              + " of its best " + Fmt.rate(knee.bestJobsPerSecond()) + " jobs/s at c="
              + knee.bestConcurrency());
    }
    String answer = "Knee per strategy: " + String.join(", ", parts) + "." + fallbackNote(source);
    return new KeyAnswer(
        3, question, answer, evidence, List.of(source.getKey()), missingFor(source));
  }

  private static KeyAnswer ioHandling(ResultsData data) {
    String question = "Does async or thread (or virtual) handle I/O better?";
    List<String> basis = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<ReportRow> rows = new ArrayList<>();
    collect(data, Phase.WORKLOAD_TYPES, row -> is(row, WorkloadKind.IO), rows, basis, missing);
    collect(data, Phase.INTERACTIONS, row -> is(row, WorkloadKind.IO), rows, basis, missing);
    String fallback = "";
    if (rows.stream().noneMatch(ReportRow::measured)) {
      List<ReportRow> quick =
          data.phase(Phase.QUICK_WORKLOAD).stream()
              .filter(row -> is(row, WorkloadKind.IO))
              .toList();
      if (quick.stream().anyMatch(ReportRow::measured)) {
        rows.addAll(quick);
        basis.add(Phase.QUICK_WORKLOAD.id());
        fallback = " (From " + Phase.QUICK_WORKLOAD.id() + ", as " + String.join(" and ", missing)
            + " are missing.)";
      }
    }
    List<ReportRow> measured = rows.stream().filter(ReportRow::measured).toList();
    if (measured.isEmpty()) {
      return unanswered(4, question, basis, missing, "io results");
    }
    Map<String, Aggregate> byStrategy = Aggregate.byStrategy(measured);
    List<String> evidence = new ArrayList<>(strategyLines(byStrategy));
    HeadToHead perCondition = HeadToHead.of(measured);
    for (HeadToHead.Condition condition : perCondition.conditions()) {
      evidence.add(conditionLine(condition));
    }
    evidence.addAll(Confounding.causeLines(measured));
    String answer =
        ranking(measured, "on io work")
            + Confounding.note(measured)
            + (fallback.isEmpty() ? missingNote(missing) : fallback);
    return new KeyAnswer(4, question, answer, evidence, basis, missing);
  }

  private static KeyAnswer extremeLoad(ResultsData data) {
    String question = "What happens under extreme load?";
    List<ReportRow> rows = new ArrayList<>(data.phase(Phase.EDGE_CASES));
    if (rows.isEmpty()) {
      return unanswered(5, question, List.of(), List.of(Phase.EDGE_CASES.id()), "results");
    }
    rows.sort(Comparator.comparing(row -> !row.name().equals(Phase.MASSIVE_LOAD_SCENARIO)));
    List<String> evidence = rows.stream().map(KeyQuestions::outcomeLine).toList();
    long succeeded = rows.stream().filter(ReportRow::measured).count();
    ReportRow first = rows.get(0);
    String answer;
    if (first.name().equals(Phase.MASSIVE_LOAD_SCENARIO)) {
      answer =
          Phase.MASSIVE_LOAD_SCENARIO + " (" + first.numInstances() + " jobs, c="
              + first.maxConcurrentJobs()
              + ", " + first.strategy() + "): " + briefOutcome(first) + ". ";
    } else {
      answer = Phase.MASSIVE_LOAD_SCENARIO + " is not in the results. ";
    }
    answer += succeeded + " of " + rows.size() + " edge cases succeeded.";
    return new KeyAnswer(5, question, answer, evidence, List.of(Phase.EDGE_CASES.id()), List.of());
  }

  private static KeyAnswer subprocessThreading(ResultsData data) {
    String question = "Are there subprocess threading problems (errors, hangs, failed jobs)?";
    List<ReportRow> rows = data.phase(Phase.SUBPROCESS_THREADING);
    String basis = Phase.SUBPROCESS_THREADING.id();
    String fallback = "";
    if (rows.isEmpty()) {
      rows =
          data.rows().stream()
              .filter(row -> is(row, WorkloadKind.SUBPROCESS_THREADED))
              .toList();
      if (rows.isEmpty()) {
        return unanswered(
            6, question, List.of(), List.of(Phase.SUBPROCESS_THREADING.id()), "results");
      }
      basis = rows.stream().map(ReportRow::phase).distinct().collect(Collectors.joining(", "));
      fallback =
          " (From the subprocess_threaded results of " + basis + ", as "
              + Phase.SUBPROCESS_THREADING.id() + " is missing.)";
    }
    List<String> evidence = new ArrayList<>();
    List<String> troubled = new ArrayList<>();
    for (ReportRow row : rows) {
      List<String> problems = problems(row);
      evidence.add(row.name() + ": " + (problems.isEmpty() ? "no problem, " : String.join(", ", problems) + "; ")
          + describe(row));
      if (!problems.isEmpty()) {
        troubled.add(row.name());
      }
    }
    String answer =
        troubled.isEmpty()
            ? "No: all " + rows.size() + " subprocess_threaded results succeeded with every job"
                + " completed and no failed job."
            : "Yes: " + troubled.size() + " of " + rows.size() + " results show problems ("
                + String.join(", ", troubled) + ").";
    List<String> missing =
        fallback.isEmpty() ? List.of() : List.of(Phase.SUBPROCESS_THREADING.id());
    return new KeyAnswer(
        6, question, answer + fallback, evidence, List.of(basis.split(", ")), missing);
  }

  private static boolean is(ReportRow row, WorkloadKind workload) {
    return row.workloadType().equals(workload.id());
  }

  /** What went wrong in a result: failure, unfinished jobs, failed jobs, incidents, warnings. */
  static List<String> problems(ReportRow row) {
    List<String> problems = new ArrayList<>();
    if (!"success".equalsIgnoreCase(row.status())) {
      problems.add(row.status() + (row.error().isEmpty() ? "" : " (" + row.error() + ")"));
    }
    OptionalDouble completed = row.metric(Metric.JOBS_COMPLETED);
    OptionalDouble expected = row.metric(Metric.EXPECTED_JOBS);
    double wanted = expected.isPresent() ? expected.getAsDouble() : row.numInstances();
    if (completed.isPresent() && completed.getAsDouble() < wanted) {
      problems.add("hang: " + Fmt.num(completed.getAsDouble()) + " of " + Fmt.num(wanted)
          + " jobs completed");
    }
    addCount(problems, row, Metric.FAILED_JOBS, "failed jobs");
    addCount(problems, row, Metric.INCIDENTS, "incidents");
    String warnings = row.fields().getOrDefault("warnings", "");
    if (!warnings.isBlank() && !warnings.equals("[]")) {
      problems.add("warnings " + warnings);
    }
    return problems;
  }

  private static void addCount(
      List<String> problems, ReportRow row, Metric metric, String label) {
    OptionalDouble value = row.metric(metric);
    if (value.isPresent() && value.getAsDouble() > 0) {
      problems.add(Fmt.num(value.getAsDouble()) + " " + label);
    }
  }

  private static void collect(
      ResultsData data,
      Phase phase,
      java.util.function.Predicate<ReportRow> filter,
      List<ReportRow> rows,
      List<String> basis,
      List<String> missing) {
    List<ReportRow> phaseRows = data.phase(phase);
    if (phaseRows.isEmpty()) {
      missing.add(phase.id());
      return;
    }
    List<ReportRow> selected = phaseRows.stream().filter(filter).toList();
    if (!selected.isEmpty()) {
      rows.addAll(selected);
      basis.add(phase.id());
    }
  }

  private static KeyAnswer unanswered(
      int number, String question, List<String> basis, List<String> missing, String what) {
    String answer =
        missing.isEmpty()
            ? "Not answered: no successful " + what + " in " + String.join(", ", basis) + "."
            : "Not answered: the results lack phase " + String.join(" and ", missing) + ".";
    return new KeyAnswer(number, question, answer, List.of(), List.of(), missing);
  }

  private static List<String> basisOf(Map.Entry<String, List<ReportRow>> source) {
    return source.getKey().isEmpty() ? List.of() : List.of(source.getKey());
  }

  private static List<String> missingFor(Map.Entry<String, List<ReportRow>> source) {
    String concurrency = Phase.CONCURRENCY_SCALING.id();
    return source.getKey().equals(concurrency) ? List.of() : List.of(concurrency);
  }

  private static String fallbackNote(Map.Entry<String, List<ReportRow>> source) {
    return source.getKey().equals(Phase.CONCURRENCY_SCALING.id())
        ? ""
        : " (From " + source.getKey() + ", as " + Phase.CONCURRENCY_SCALING.id() + " is missing.)";
  }

  private static String missingNote(List<String> missing) {
    return missing.isEmpty() ? "" : " (Phase " + String.join(" and ", missing) + " missing.)";
  }

  /**
   * Ranks strategies fairly across unequal conditions: each strategy's throughput in a shared
   * condition is taken relative to that condition's best, and these shares are averaged; the
   * highest average wins (more wins, then higher mean throughput, on a tie).
   */
  private static String ranking(List<ReportRow> measured, String context) {
    Map<String, Aggregate> byStrategy = Aggregate.byStrategy(measured);
    if (byStrategy.size() == 1) {
      Map.Entry<String, Aggregate> only = byStrategy.entrySet().iterator().next();
      return "Only " + only.getKey() + " was measured " + context + ": "
          + only.getValue().describe() + "; nothing to compare.";
    }
    HeadToHead headToHead = HeadToHead.of(measured);
    if (headToHead.conditions().isEmpty()) {
      Map.Entry<String, Aggregate> best =
          byStrategy.entrySet().stream()
              .max(Comparator.comparingDouble(e -> e.getValue().meanJobsPerSecond()))
              .orElseThrow();
      return best.getKey() + " has the highest mean " + context + " (" + best.getValue().describe()
          + "), but no two strategies ran the same condition, so this is no fair comparison.";
    }
    Map<String, Double> shares = shareOfBest(headToHead);
    List<String> ranked = new ArrayList<>(shares.keySet());
    ranked.sort(
        Comparator.comparingDouble((String s) -> shares.get(s))
            .thenComparingInt(s -> headToHead.wins().getOrDefault(s, 0))
            .thenComparingDouble(s -> byStrategy.get(s).meanJobsPerSecond())
            .reversed());
    String best = ranked.get(0);
    String others =
        ranked.stream().skip(1).map(s -> s + " " + Fmt.pct(shares.get(s)))
            .collect(Collectors.joining(", "));
    return best + " is fastest " + context + ": it wins " + headToHead.wins().get(best) + " of "
        + headToHead.conditions().size() + " shared conditions and reaches on average "
        + Fmt.pct(shares.get(best)) + " of each condition's best throughput (" + others + ").";
  }

  /** Per strategy, the mean over its shared conditions of its throughput / the condition's best. */
  static Map<String, Double> shareOfBest(HeadToHead headToHead) {
    Map<String, List<Double>> shares = new LinkedHashMap<>();
    for (HeadToHead.Condition condition : headToHead.conditions()) {
      double best = condition.byStrategy().get(condition.winner()).meanJobsPerSecond();
      condition.byStrategy().forEach(
          (strategy, aggregate) ->
              shares.computeIfAbsent(strategy, k -> new ArrayList<>())
                  .add(best > 0 ? aggregate.meanJobsPerSecond() / best : 1));
    }
    Map<String, Double> means = new LinkedHashMap<>();
    shares.forEach(
        (strategy, values) ->
            means.put(strategy, values.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    return means;
  }

  private static List<String> strategyLines(Map<String, Aggregate> byStrategy) {
    Map<String, Aggregate> sorted = new LinkedHashMap<>();
    byStrategy.entrySet().stream()
        .sorted(
            Comparator.comparingDouble(
                    (Map.Entry<String, Aggregate> entry) -> entry.getValue().meanJobsPerSecond())
                .reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    List<String> lines = new ArrayList<>();
    sorted.forEach(
        (strategy, aggregate) ->
            lines.add(
                strategy + ": mean " + aggregate.describe() + " over " + aggregate.results()
                    + (aggregate.results() == 1 ? " result" : " results")));
    return lines;
  }

  private static String curveLine(Knee knee, List<ReportRow> rows) {
    Map<Integer, OptionalDouble> efficiency = new LinkedHashMap<>();
    for (Integer c : knee.curve().keySet()) {
      efficiency.put(
          c,
          rows.stream()
              .filter(row -> row.measured() && row.strategy().equals(knee.strategy())
                  && row.maxConcurrentJobs() == c)
              .map(ReportRow::efficiency)
              .filter(OptionalDouble::isPresent)
              .mapToDouble(OptionalDouble::getAsDouble)
              .average());
    }
    return knee.strategy() + ": "
        + knee.curve().entrySet().stream()
            .map(point -> "c=" + point.getKey() + " " + Fmt.rate(point.getValue()) + " jobs/s (eff "
                + Fmt.pct(efficiency.get(point.getKey())) + ")")
            .collect(Collectors.joining(", "));
  }

  static String conditionLine(HeadToHead.Condition condition) {
    return condition.label() + ": "
        + condition.byStrategy().entrySet().stream()
            .map(entry -> entry.getKey() + " " + entry.getValue().describe())
            .collect(Collectors.joining(" vs "))
        + " -> " + condition.winner() + " by " + Fmt.change(condition.marginPercent()).substring(1);
  }

  private static String briefOutcome(ReportRow row) {
    if (!row.measured()) {
      return row.status() + (row.error().isEmpty() ? "" : " (" + row.error() + ")");
    }
    return "success at " + Fmt.rate(row.throughput()) + " jobs/s, efficiency "
        + Fmt.pct(row.efficiency());
  }

  private static String outcomeLine(ReportRow row) {
    return row.name() + ": " + row.status()
        + (row.error().isEmpty() ? "" : " (" + row.error() + ")") + ", " + describe(row);
  }

  /** The figures of one result that are present, for evidence lines. */
  static String describe(ReportRow row) {
    List<String> parts = new ArrayList<>();
    OptionalDouble completed = row.metric(Metric.JOBS_COMPLETED);
    if (completed.isPresent()) {
      parts.add(Fmt.num(completed.getAsDouble()) + "/" + row.numInstances() + " jobs");
    }
    if (row.jobsPerSecond().isPresent()) {
      parts.add(Fmt.rate(row.throughput()) + " jobs/s");
    }
    parts.add("eff " + Fmt.pct(row.efficiency()));
    row.metric(Metric.LATENCY_P99).ifPresent(v -> parts.add("p99 " + Fmt.num(v) + " ms"));
    row.metric(Metric.MEMORY_PEAK).ifPresent(v -> parts.add("heap peak " + Fmt.num(v) + " MiB"));
    row.metric(Metric.FAILED_JOBS).ifPresent(v -> parts.add(Fmt.num(v) + " failed jobs"));
    return String.join(", ", parts);
  }
}
