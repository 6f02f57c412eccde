package io.github.workerbench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console summary the seed's runner prints, for every strategy present: results grouped by
 * phase, top performers by throughput, the best strategy per workload type, the head-to-head per
 * test condition with winner and margin, win counts, and the six key-question answers. Efficiency
 * is shown next to every throughput. Fixed-width text, {@link java.util.Locale#ROOT} numbers.
 * Stateless; called by {@code bench report} and at the end of {@code bench run}.
 */
public final class Reports {

  /** How many results "top performers" lists. */
  public static final int TOP_PERFORMERS = 10;

  private Reports() {}

  /** Prints the whole summary of these results to {@code out}. */
  public static void consoleSummary(ResultsData data, PrintStream out) {
    header(data, out);
    byPhase(data, out);
    topPerformers(data, out);
    bestPerWorkload(data, out);
    headToHead(data, out);
    keyQuestions(data, out);
  }

  private static void header(ResultsData data, PrintStream out) {
    long succeeded = data.rows().stream().filter(ReportRow::measured).count();
    out.println("=".repeat(78));
    out.println("BENCHMARK SUMMARY: " + data.source());
    List<String> facts = new ArrayList<>();
    for (String key :
        List.of(
            "tool",
            "engine",
            "engine_image",
            "engine_scope",
            "engine_cpus",
            "generated_at",
            "scenarios_file",
            "duration_scale")) {
      String value = data.header().get(key);
      if (value != null && !value.isBlank()) {
        facts.add(key + " " + value);
      }
    }
    if (!facts.isEmpty()) {
      out.println(String.join(", ", facts));
    }
    out.println(
        data.rows().size() + " results: " + succeeded + " succeeded, "
            + (data.rows().size() - succeeded) + " not; strategies: "
            + String.join(", ", data.strategies()));
    out.println("=".repeat(78));
  }

  private static void byPhase(ResultsData data, PrintStream out) {
    section(out, "Results by phase");
    for (String phase : data.phases()) {
      List<ReportRow> rows = data.phase(phase);
      out.println();
      out.println(phase + " (" + rows.size() + (rows.size() == 1 ? " result)" : " results)"));
      TextTable table =
          new TextTable("name", "strategy", "workload", ">n", ">c", ">d(s)", ">jobs/s", ">ci95",
              ">eff", "status");
      for (ReportRow row : rows) {
        table.row(
            row.name(),
            row.strategy(),
            row.workloadType(),
            Integer.toString(row.numInstances()),
            Integer.toString(row.maxConcurrentJobs()),
            Fmt.num(row.workDurationSeconds()),
            row.measured() ? Fmt.rate(row.throughput()) : "-",
            row.measured() && row.jobsPerSecondCi95().isPresent()
                ? "±" + Fmt.rate(row.jobsPerSecondCi95().getAsDouble())
                : "-",
            row.measured() ? Fmt.pct(row.efficiency()) : "-",
            row.status());
      }
      table.print(out, "  ");
      rows.stream()
          .filter(row -> !row.error().isEmpty())
          .forEach(row -> out.println("  ! " + row.name() + ": " + row.error()));
    }
  }

  private static void topPerformers(ResultsData data, PrintStream out) {
    section(out, "Top performers by throughput");
    List<ReportRow> top =
        data.measured().stream()
            .sorted(Comparator.comparingDouble(ReportRow::throughput).reversed())
            .limit(TOP_PERFORMERS)
            .toList();
    if (top.isEmpty()) {
      out.println("  no successful result");
      return;
    }
    TextTable table = new TextTable(">#", "name", "strategy", "workload", "phase", ">jobs/s", ">eff");
    int rank = 0;
    for (ReportRow row : top) {
      table.row(
          Integer.toString(++rank),
          row.name(),
          row.strategy(),
          row.workloadType(),
          row.phase(),
          Fmt.rate(row.throughput()),
          Fmt.pct(row.efficiency()));
    }
    table.print(out, "  ");
  }

  private static void bestPerWorkload(ResultsData data, PrintStream out) {
    section(out, "Best strategy per workload type (mean over its results)");
    Map<String, List<ReportRow>> byWorkload = new LinkedHashMap<>();
    data.measured()
        .forEach(row -> byWorkload.computeIfAbsent(row.workloadType(), k -> new ArrayList<>()).add(row));
    if (byWorkload.isEmpty()) {
      out.println("  no successful result");
      return;
    }
    TextTable table = new TextTable("workload", "best", ">jobs/s", ">eff", "all strategies");
    byWorkload.forEach(
        (workload, rows) -> {
          Map<String, Aggregate> byStrategy = Aggregate.byStrategy(rows);
          Map.Entry<String, Aggregate> best =
              byStrategy.entrySet().stream()
                  .max(Comparator.comparingDouble(e -> e.getValue().meanJobsPerSecond()))
                  .orElseThrow();
          table.row(
              workload,
              best.getKey(),
              Fmt.rate(best.getValue().meanJobsPerSecond()),
              Fmt.pct(best.getValue().meanEfficiency()),
              byStrategy.entrySet().stream()
                  .map(e -> e.getKey() + " " + Fmt.rate(e.getValue().meanJobsPerSecond()) + " ("
                      + Fmt.pct(e.getValue().meanEfficiency()) + ", n=" + e.getValue().results() + ")")
                  .collect(Collectors.joining(", ")));
        });
    table.print(out, "  ");
  }

  private static void headToHead(ResultsData data, PrintStream out) {
    section(out, "Head-to-head per test condition (jobs/s, efficiency)");
    HeadToHead headToHead = HeadToHead.of(data.rows());
    if (headToHead.conditions().isEmpty()) {
      out.println("  no condition was run by two or more strategies");
      return;
    }
    Set<String> strategies = new LinkedHashSet<>();
    headToHead.conditions().forEach(c -> strategies.addAll(c.byStrategy().keySet()));
    List<String> headers = new ArrayList<>(List.of("workload", ">n", ">c", ">d(s)"));
    strategies.forEach(s -> headers.add(">" + s));
    headers.addAll(List.of("winner", ">margin"));
    TextTable table = new TextTable(headers.toArray(String[]::new));
    for (HeadToHead.Condition condition : headToHead.conditions()) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  condition.workloadType(),
                  Integer.toString(condition.numInstances()),
                  Integer.toString(condition.maxConcurrentJobs()),
                  Fmt.num(condition.workDurationSeconds())));
      for (String strategy : strategies) {
        Aggregate aggregate = condition.byStrategy().get(strategy);
        cells.add(
            aggregate == null
                ? "-"
                : Fmt.rate(aggregate.meanJobsPerSecond()) + " (" + Fmt.pct(aggregate.meanEfficiency()) + ")");
      }
      cells.add(condition.winner());
      cells.add(Fmt.change(condition.marginPercent()));
      table.row(cells.toArray(String[]::new));
    }
    table.print(out, "  ");
    out.println();
    out.println(
        "Win counts: "
            + headToHead.wins().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))
            + " (of " + headToHead.conditions().size() + " conditions)");
  }

  private static void keyQuestions(ResultsData data, PrintStream out) {
    section(out, "Key questions");
    for (KeyAnswer answer : KeyQuestions.answer(data)) {
      out.println();
      out.println(answer.number() + ". " + answer.question());
      out.println("   " + answer.answer());
      for (String line : answer.evidence()) {
        out.println("   - " + line);
      }
    }
  }

  private static void section(PrintStream out, String title) {
    out.println();
    out.println("== " + title + " ==");
  }
}
