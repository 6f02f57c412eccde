package io.github.workerbench.cli;

import io.github.workerbench.core.run.RunListener;
import io.github.workerbench.model.result.Diagnosis;
import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what the run verbs measured: progress per repeat, one scenario's figures as the seed's
 * {@code test} printed them (efficiency included), and the comparison tables of
 * {@code benchmark} and {@code benchmark-workloads}. Numbers use {@link Locale#ROOT}.
 */
final class FigurePrinter {

  private final PrintWriter out;

  FigurePrinter(PrintWriter out) {
    this.out = out;
  }

  /** A listener printing one line per finished repeat. */
  RunListener progress() {
    return new RunListener() {
      @Override
      public void scenarioStarted(ScenarioPlan plan) {
        out.printf(
            Locale.ROOT,
            "Running %s: %d instances, strategy %s, workload %s, %.3f s work, %d concurrent,"
                + " %s, %s%n",
            plan.name(),
            plan.numInstances(),
            plan.scenario().strategy().id(),
            plan.scenario().workloadType().id(),
            plan.workDuration().toNanos() / 1e9,
            plan.maxConcurrentJobs(),
            plan.transport().id(),
            plan.acquisition().id()
                + (plan.scenario().engineConditions().active()
                    ? ", engine " + plan.scenario().engineConditions().describe()
                    : ""));
        out.flush();
      }

      @Override
      public void repeatFinished(ScenarioPlan plan, RepeatMetrics m) {
        out.printf(
            Locale.ROOT,
            "  repeat %d/%d: %s, %d/%d jobs in %.3f s, %.2f jobs/s, efficiency %.2f%s%n",
            m.repeat(),
            plan.scenario().repeats(),
            m.status().id(),
            m.jobsCompleted(),
            m.expectedJobs(),
            m.totalTimeSeconds(),
            m.jobsPerSecond(),
            m.efficiency(),
            why(m.diagnosis()));
        out.flush();
      }
    };
  }

  /** The figures of one scenario, averaged over its repeats. */
  void printResult(ScenarioResult result) {
    Map<Metric, MetricSummary> s = result.summaries();
    out.println();
    out.println("=== Results: " + result.name() + " ===");
    out.printf(Locale.ROOT, "Status:              %s%n", result.status().id());
    if (result.error() != null) {
      out.printf(Locale.ROOT, "Error:               %s%n", result.error());
    }
    out.printf(Locale.ROOT, "Strategy:            %s (resolved %s)%n",
        result.plan().scenario().strategy().id(), result.resolvedStrategy());
    if (result.plan().scenario().engineConditions().active()) {
      out.printf(Locale.ROOT, "Engine conditions:   %s (latency added to every answer)%n",
          result.plan().scenario().engineConditions().describe());
    }
    if (!s.isEmpty()) {
      out.printf(Locale.ROOT, "Total time:          %s s%n", spread(s.get(Metric.TOTAL_TIME), "%.3f"));
      out.printf(Locale.ROOT, "Jobs completed:      %.0f / %d%n",
          s.get(Metric.JOBS_COMPLETED).avg(), result.plan().numInstances());
      out.printf(Locale.ROOT, "Jobs per second:     %s%n", spread(s.get(Metric.JOBS_PER_SECOND), "%.2f"));
      out.printf(Locale.ROOT, "Ideal time:          %.3f s%n", s.get(Metric.IDEAL_TIME).avg());
      out.printf(Locale.ROOT, "Efficiency:          %s%s%n", spread(s.get(Metric.EFFICIENCY), "%.2f"),
          why(result.diagnosis()));
      Diagnosis diagnosis = result.diagnosis();
      if (diagnosis.measured()) {
        out.printf(Locale.ROOT, "Slot time:           %s%n", diagnosis.slots().describe());
        out.printf(Locale.ROOT, "Why:                 %s: %s%n", diagnosis.cause().id(), diagnosis.advice());
      }
      out.printf(Locale.ROOT, "CPU utilization:     %.0f%% of %d cores (process and children, in the window)%s%n",
          100 * avg(s, Metric.CPU_UTILIZATION), result.cores(),
          diagnosis.harnessBound() ? ", harness-bound" : "");
      out.printf(Locale.ROOT, "Latency (ms):        p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
          avg(s, Metric.LATENCY_P50), avg(s, Metric.LATENCY_P95), avg(s, Metric.LATENCY_P99),
          avg(s, Metric.LATENCY_MAX));
      out.printf(Locale.ROOT, "Start delay (ms):    p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
          avg(s, Metric.START_DELAY_P50), avg(s, Metric.START_DELAY_P95),
          avg(s, Metric.START_DELAY_P99), avg(s, Metric.START_DELAY_MAX));
      out.printf(Locale.ROOT, "Peak in flight:      %.0f (max_concurrent_jobs %d)%n",
          s.get(Metric.PEAK_IN_FLIGHT).max(), result.plan().maxConcurrentJobs());
      out.printf(Locale.ROOT, "Memory peak:         %.1f MB heap, %.1f MB max RSS, %+.1f MB RSS delta%n",
          avg(s, Metric.MEMORY_PEAK), avg(s, Metric.MAX_RSS), avg(s, Metric.RSS_DELTA));
      out.printf(Locale.ROOT, "CPU:                 %.2f s, GC %.3f s, %.0f peak threads%n",
          avg(s, Metric.CPU_SECONDS), avg(s, Metric.GC_SECONDS), s.get(Metric.PEAK_THREADS).max());
      out.printf(Locale.ROOT, "Faults:              %.0f redeliveries, %.0f failed jobs, %.0f incidents%n",
          sum(result, Metric.REDELIVERIES), sum(result, Metric.FAILED_JOBS), sum(result, Metric.INCIDENTS));
    }
    if (result.startedEngine()) {
      out.printf(Locale.ROOT, "Engine start-up:     %.3f s (outside the measured window)%n",
          result.engineStartupSeconds());
    }
    out.printf(Locale.ROOT, "Worker start-up:     %.3f s (outside the measured window)%n",
        result.workerStartupSeconds());
    if (result.warmupSeconds() > 0) {
      out.printf(Locale.ROOT, "Warm-up:             %.3f s (unmeasured, before the first repeat)%n",
          result.warmupSeconds());
    }
    for (String warning : result.warnings()) {
      out.println("Warning:             " + warning);
    }
    out.flush();
  }

  /** One row per result: the seed's comparison table. */
  void printTable(String title, List<ScenarioResult> results) {
    out.println();
    out.println("=== " + title + " ===");
    out.printf(Locale.ROOT, "%-10s %-10s %9s %9s %10s %9s %6s %10s  %s%n",
        "Strategy", "Workload", "Jobs/s", "Time(s)", "Efficiency", "p99(ms)", "Peak", "RSS(MB)",
        "Status");
    for (ScenarioResult result : results) {
      Map<Metric, MetricSummary> s = result.summaries();
      out.printf(Locale.ROOT, "%-10s %-10s %9.2f %9.3f %10.2f %9.1f %6.0f %10.1f  %s%n",
          result.resolvedStrategy(),
          result.plan().scenario().workloadType().id(),
          avg(s, Metric.JOBS_PER_SECOND),
          avg(s, Metric.TOTAL_TIME),
          avg(s, Metric.EFFICIENCY),
          avg(s, Metric.LATENCY_P99),
          s.isEmpty() ? 0 : s.get(Metric.PEAK_IN_FLIGHT).max(),
          avg(s, Metric.MAX_RSS),
          result.status().id() + (result.error() == null ? "" : ": " + result.error()));
    }
    out.flush();
  }

  /** The cause next to an efficiency: {@code  (why: refill_threshold)}, with harness-bound. */
  private static String why(Diagnosis diagnosis) {
    if (!diagnosis.measured()) {
      return "";
    }
    return " (why: " + diagnosis.cause().id() + (diagnosis.harnessBound() ? ", harness-bound" : "") + ")";
  }

  private static String spread(MetricSummary summary, String format) {
    String avg = String.format(Locale.ROOT, format, summary.avg());
    if (summary.std() == 0) {
      return avg;
    }
    return avg
        + String.format(Locale.ROOT, " (± " + format + " std, min " + format + ", max " + format + ")",
            summary.std(), summary.min(), summary.max());
  }

  private static double avg(Map<Metric, MetricSummary> summaries, Metric metric) {
    MetricSummary summary = summaries.get(metric);
    return summary == null ? 0 : summary.avg();
  }

  private static double sum(ScenarioResult result, Metric metric) {
    return result.repeats().stream().mapToDouble(metric::of).sum();
  }
}
