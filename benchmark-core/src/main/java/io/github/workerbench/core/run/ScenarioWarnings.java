package io.github.workerbench.core.run;

import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flags a result carries about its scenario: a plan that cannot succeed or will redeliver
 * jobs (known before it runs), and faults that were measured (known after). A flagged scenario
 * still runs: the flags explain its figures.
 */
final class ScenarioWarnings {

  private ScenarioWarnings() {}

  /**
   * The flags known from the plan alone.
   *
   * @param redelivers whether jobs that outlast their job timeout are redelivered (by an engine)
   */
  static List<String> before(ScenarioPlan plan, int cores, boolean redelivers) {
    List<String> warnings = new ArrayList<>();
    double ideal = idealSeconds(plan, cores);
    double timeout = plan.timeout().toNanos() / 1e9;
    if (timeout < ideal) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "timeout of %.3f s cannot fit the ideal time of %.3f s: the scenario cannot succeed",
              timeout,
              ideal));
    }
    if (!redelivers) {
      return warnings;
    }
    double perJob =
        IdealTime.jobSeconds(plan.scenario().workloadType(), plan.workDuration().toNanos() / 1e9);
    double longestJobMillis = perJob * (1 + plan.jitterPct()) * 1e3;
    if (plan.jobTimeout().toMillis() < longestJobMillis) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "job_timeout_ms %d is shorter than the work of up to %.0f ms per job: jobs will time"
                  + " out and be redelivered",
              plan.jobTimeout().toMillis(),
              longestJobMillis));
    }
    return warnings;
  }

  /** The flags about faults the repeats measured, and a harness-bound window. */
  static List<String> after(List<RepeatMetrics> repeats, int cores) {
    long redeliveries = repeats.stream().mapToLong(RepeatMetrics::redeliveries).sum();
    long failed = repeats.stream().mapToLong(RepeatMetrics::failedJobs).sum();
    long incidents = repeats.stream().mapToLong(RepeatMetrics::incidents).sum();
    List<String> warnings = new ArrayList<>();
    if (redeliveries > 0) {
      warnings.add(
          redeliveries
              + " redeliveries: jobs were activated again, e.g. because job_timeout_ms passed"
              + " before their work ended");
    }
    if (failed > 0) {
      warnings.add(failed + " handler runs failed and were reported to the engine for a retry");
    }
    if (incidents > 0) {
      warnings.add(incidents + " jobs ran out of retries and raised incidents");
    }
    List<RepeatMetrics> bound =
        repeats.stream().filter(repeat -> repeat.diagnosis().harnessBound()).toList();
    if (!bound.isEmpty()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "harness_bound: the process and its children used up to %.0f%% of the %d cores"
                  + " during %d of %d measured windows, so the machine, not the strategy, set this"
                  + " result",
              100 * bound.stream().mapToDouble(RepeatMetrics::cpuUtilization).max().orElse(0),
              cores,
              bound.size(),
              repeats.size()));
    }
    return warnings;
  }

  /** The plan's ideal time in seconds on this many cores. */
  static double idealSeconds(ScenarioPlan plan, int cores) {
    return IdealTime.perRepeat(plan, cores).toNanos() / 1e9;
  }
}
