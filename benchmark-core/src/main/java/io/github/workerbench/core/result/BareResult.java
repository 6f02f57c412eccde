package io.github.workerbench.core.result;

import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine-free floor of one scenario: the same strategy, workload, durations and failures as a
 * run, with no engine or client (see {@code BareRunner}). Each repeat's figures are a {@link
 * RepeatMetrics} with the run's names and units; latency (creation to completion) is 0, since
 * nothing is created, and start delay is hand-over to handler start.
 *
 * @param status how it ended: {@code failed} when a repeat timed out, a job raised an incident or
 *     the strategy could not start
 * @param error the reason when {@code status} is not success, else {@code null}
 * @param resolvedStrategy the strategy that ran, e.g. {@code thread} for {@code auto}
 * @param cores the available processors the ideal time assumed
 * @param idealTimeSeconds one repeat's ideal time, by the run's formula ({@code IdealTime})
 * @param workerStartupSeconds set-up before each window (child JVMs, calibration), averaged
 * @param warmupSeconds the unmeasured warm-up repeat run first (0 when none ran)
 * @param repeats the figures of each repeat that ran, in order
 */
public record BareResult(
    ScenarioPlan plan,
    RunStatus status,
    String error,
    String resolvedStrategy,
    int cores,
    double idealTimeSeconds,
    double workerStartupSeconds,
    double warmupSeconds,
    List<RepeatMetrics> repeats) {

  public BareResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(resolvedStrategy, "resolvedStrategy");
    repeats = List.copyOf(repeats);
  }

  /** The scenario's name. */
  public String name() {
    return plan.name();
  }

  /**
   * Each metric over the repeats (mean, min, max, ...) under its results-file name, e.g.
   * {@code efficiency}, {@code total_time}, {@code cpu_seconds}; empty when no repeat ran.
   */
  public Map<Metric, MetricSummary> summaries() {
    return RepeatMetrics.summaries(repeats);
  }
}
