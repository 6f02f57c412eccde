package io.github.workerbench.model.result;

import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one scenario: the plan that ran, how it ended and each repeat's figures.
 *
 * @param error the reason when {@code status} is not success, else {@code null}
 * @param warnings flags about the scenario itself, e.g. a timeout that cannot fit the ideal time
 * @param elapsedSeconds the scenario's whole wall time, set-up included
 * @param finishedAt when the scenario finished
 * @param resolvedStrategy the strategy that ran
 * @param cores the available processors of the machine that ran it
 * @param workerStartupSeconds set-up before the measured window (child JVMs, calibration)
 * @param warmupSeconds unmeasured warm-up run before this scenario (0 when none ran)
 * @param engineStartupSeconds how long starting (or reaching) the engine took when this scenario
 *     started one, {@code NaN} when it ran on an engine already running; never in a window
 */
public record ScenarioResult(
    ScenarioPlan plan,
    RunStatus status,
    String error,
    List<String> warnings,
    double elapsedSeconds,
    Instant finishedAt,
    String resolvedStrategy,
    int cores,
    double workerStartupSeconds,
    double warmupSeconds,
    List<RepeatMetrics> repeats,
    double engineStartupSeconds) {

  public ScenarioResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(resolvedStrategy, "resolvedStrategy");
    warnings = List.copyOf(warnings);
    repeats = List.copyOf(repeats);
  }

  /** A result of a scenario that started no engine of its own. */
  public ScenarioResult(
      ScenarioPlan plan,
      RunStatus status,
      String error,
      List<String> warnings,
      double elapsedSeconds,
      Instant finishedAt,
      String resolvedStrategy,
      int cores,
      double workerStartupSeconds,
      double warmupSeconds,
      List<RepeatMetrics> repeats) {
    this(
        plan,
        status,
        error,
        warnings,
        elapsedSeconds,
        finishedAt,
        resolvedStrategy,
        cores,
        workerStartupSeconds,
        warmupSeconds,
        repeats,
        Double.NaN);
  }

  /**
   * This result with another status and everything else kept, e.g. a failure that a stop
   * request caused recorded as {@link RunStatus#INTERRUPTED}.
   */
  public ScenarioResult withStatus(RunStatus newStatus) {
    return with(newStatus, error);
  }

  /** This result with another error (e.g. one that also names where the engine's log went). */
  public ScenarioResult withError(String newError) {
    return with(status, newError);
  }

  private ScenarioResult with(RunStatus newStatus, String newError) {
    return new ScenarioResult(
        plan,
        newStatus,
        newError,
        warnings,
        elapsedSeconds,
        finishedAt,
        resolvedStrategy,
        cores,
        workerStartupSeconds,
        warmupSeconds,
        repeats,
        engineStartupSeconds);
  }

  /** Whether this scenario started (or reached) an engine of its own. */
  public boolean startedEngine() {
    return !Double.isNaN(engineStartupSeconds);
  }

  /** The scenario's name. */
  public String name() {
    return plan.name();
  }

  /**
   * The scenario's diagnosis: the mean slot use of its measured repeats, read with their mean
   * efficiency; harness-bound when any repeat was. {@link Diagnosis#NOT_MEASURED} when no repeat
   * measured its slots.
   */
  public Diagnosis diagnosis() {
    List<RepeatMetrics> diagnosed =
        repeats.stream().filter(repeat -> repeat.diagnosis().measured()).toList();
    if (diagnosed.isEmpty()) {
      return Diagnosis.NOT_MEASURED;
    }
    SlotUse slots = SlotUse.mean(diagnosed.stream().map(r -> r.diagnosis().slots()).toList());
    double efficiency = diagnosed.stream().mapToDouble(RepeatMetrics::efficiency).average().orElse(0);
    double cpuShare = diagnosed.stream().mapToDouble(RepeatMetrics::cpuUtilization).max().orElse(0);
    int strategySlots =
        diagnosed.stream().mapToInt(r -> r.diagnosis().strategySlots()).min().orElse(plan.maxConcurrentJobs());
    return Diagnosis.of(
        slots,
        efficiency,
        cpuShare,
        Diagnosis.Context.of(plan, cores).withStrategySlots(strategySlots));
  }

  /**
   * Each metric summarized over the repeats: empty when no repeat
   * ran.
   */
  public Map<Metric, MetricSummary> summaries() {
    return RepeatMetrics.summaries(repeats);
  }
}
