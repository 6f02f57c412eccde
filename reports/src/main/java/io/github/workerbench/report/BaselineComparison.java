package io.github.workerbench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares a results file with a baseline, scenario by scenario (matched by name), and decides
 * which scenarios got slower: the nightly build's gate.
 *
 * <p>The rule, for a scenario measured in both files, with baseline mean throughput {@code b},
 * current mean {@code c}, change {@code Δ = (c − b) / b × 100} percent and threshold {@code T}
 * ({@code --max-regression}, default 10):
 *
 * <ol>
 *   <li>Confidence intervals are used when both results ran at least two repeats and both carry
 *       {@code jobs_per_second_ci95}: the intervals are {@code [mean − ci95, mean + ci95]}. When
 *       they overlap (touching counts), the verdict is {@link Verdict#WITHIN_NOISE}, whatever Δ.
 *   <li>Otherwise (no intervals, or intervals apart): {@link Verdict#REGRESSION} when
 *       {@code −Δ > T}, {@link Verdict#IMPROVEMENT} when {@code Δ > T}, else
 *       {@link Verdict#UNCHANGED}. A change of exactly {@code T} is not past the threshold;
 *       differences below 1e-9 percentage points count as equal, so rounding cannot tip it.
 *   <li>A baseline of 0 jobs/s: any current throughput above 0 is an improvement.
 * </ol>
 *
 * <p>A scenario measured in the baseline that did not succeed now is {@link Verdict#FAILED},
 * which fails the gate like a regression. Scenarios in only one file, or not measured in the
 * baseline, are listed but not judged. Immutable.
 *
 * @param thresholdPercent the {@code --max-regression} threshold, in percent
 * @param scenarios the judged scenarios, in the current file's order
 * @param notCompared names of scenarios that could not be judged, with the reason
 */
public record BaselineComparison(
    double thresholdPercent, List<ScenarioComparison> scenarios, List<String> notCompared) {

  /** The default {@code --max-regression}, in percent. */
  public static final double DEFAULT_MAX_REGRESSION_PERCENT = 10;

  private static final double EPSILON = 1e-9;

  public BaselineComparison {
    scenarios = List.copyOf(scenarios);
    notCompared = List.copyOf(notCompared);
  }

  /** How a scenario compares with its baseline. */
  public enum Verdict {
    /** Slower by more than the threshold, beyond noise. */
    REGRESSION,
    /** Faster by more than the threshold, beyond noise. */
    IMPROVEMENT,
    /** The confidence intervals overlap: the difference may be noise. */
    WITHIN_NOISE,
    /** The change does not pass the threshold. */
    UNCHANGED,
    /** Measured in the baseline, but did not succeed now. */
    FAILED;

    /** Whether this verdict fails the gate. */
    public boolean failsGate() {
      return this == REGRESSION || this == FAILED;
    }
  }

  /**
   * One scenario against its baseline; throughputs in jobs per second, efficiencies as ratios.
   *
   * @param changePercent {@code (current − baseline) / baseline × 100}; NaN when not measured now
   * @param usedConfidenceIntervals whether the verdict used the repeats' intervals
   */
  public record ScenarioComparison(
      String name,
      double baselineJobsPerSecond,
      double baselineCi95,
      OptionalDouble baselineEfficiency,
      OptionalDouble currentJobsPerSecond,
      double currentCi95,
      OptionalDouble currentEfficiency,
      double changePercent,
      boolean usedConfidenceIntervals,
      Verdict verdict) {}

  /**
   * Compares {@code current} with {@code baseline}.
   *
   * @param maxRegressionPercent the threshold in percent, 0 or more
   */
  public static BaselineComparison compare(
      ResultsData current, ResultsData baseline, double maxRegressionPercent) {
    if (!(maxRegressionPercent >= 0) || Double.isInfinite(maxRegressionPercent)) {
      throw new IllegalArgumentException(
          "max-regression must be a percentage of 0 or more, but was " + maxRegressionPercent);
    }
    Map<String, ReportRow> before = new LinkedHashMap<>();
    baseline.rows().forEach(row -> before.put(row.name(), row));
    Map<String, ReportRow> now = new LinkedHashMap<>();
    current.rows().forEach(row -> now.put(row.name(), row));
    List<ScenarioComparison> scenarios = new ArrayList<>();
    List<String> notCompared = new ArrayList<>();
    for (ReportRow row : now.values()) {
      ReportRow old = before.get(row.name());
      if (old == null) {
        notCompared.add(row.name() + " (not in the baseline)");
      } else if (!old.measured()) {
        notCompared.add(row.name() + " (not measured in the baseline: " + old.status() + ")");
      } else {
        scenarios.add(judge(row, old, maxRegressionPercent));
      }
    }
    before.keySet().stream()
        .filter(name -> !now.containsKey(name))
        .forEach(name -> notCompared.add(name + " (only in the baseline)"));
    return new BaselineComparison(maxRegressionPercent, scenarios, notCompared);
  }

  static ScenarioComparison judge(ReportRow current, ReportRow baseline, double threshold) {
    double base = baseline.throughput();
    double baseCi = baseline.jobsPerSecondCi95().orElse(0);
    double currentCi = current.jobsPerSecondCi95().orElse(0);
    if (!current.measured()) {
      return new ScenarioComparison(
          current.name(), base, baseCi, baseline.efficiency(), OptionalDouble.empty(), currentCi,
          current.efficiency(), Double.NaN, false, Verdict.FAILED);
    }
    double now = current.throughput();
    boolean useIntervals =
        baseline.repeats() >= 2
            && current.repeats() >= 2
            && baseline.jobsPerSecondCi95().isPresent()
            && current.jobsPerSecondCi95().isPresent();
    double change = base > 0 ? (now - base) / base * 100 : (now > 0 ? Double.POSITIVE_INFINITY : 0);
    Verdict verdict;
    if (useIntervals && now - currentCi <= base + baseCi && base - baseCi <= now + currentCi) {
      verdict = Verdict.WITHIN_NOISE;
    } else if (-change > threshold + EPSILON) {
      verdict = Verdict.REGRESSION;
    } else if (change > threshold + EPSILON) {
      verdict = Verdict.IMPROVEMENT;
    } else {
      verdict = Verdict.UNCHANGED;
    }
    return new ScenarioComparison(
        current.name(), base, baseCi, baseline.efficiency(), OptionalDouble.of(now), currentCi,
        current.efficiency(), change, useIntervals, verdict);
  }

  /** Whether any scenario fails the gate: the CLI then exits with 1. */
  public boolean hasRegression() {
    return scenarios.stream().anyMatch(s -> s.verdict().failsGate());
  }

  /** The scenarios with this verdict. */
  public List<ScenarioComparison> withVerdict(Verdict verdict) {
    return scenarios.stream().filter(s -> s.verdict() == verdict).toList();
  }

  /** Prints the comparison table, the regressions and improvements, and the gate's outcome. */
  public void print(PrintStream out) {
    out.println();
    out.println("== Baseline comparison (max regression " + Fmt.num(thresholdPercent) + "%) ==");
    TextTable table =
        new TextTable("scenario", ">baseline jobs/s", ">current jobs/s", ">change",
            ">baseline eff", ">current eff", "verdict");
    for (ScenarioComparison s : scenarios) {
      table.row(
          s.name(),
          Fmt.rate(s.baselineJobsPerSecond()) + ci(s.baselineCi95(), s.usedConfidenceIntervals()),
          s.currentJobsPerSecond().isPresent()
              ? Fmt.rate(s.currentJobsPerSecond().getAsDouble()) + ci(s.currentCi95(), s.usedConfidenceIntervals())
              : "-",
          Double.isNaN(s.changePercent()) ? "-" : Fmt.change(s.changePercent()),
          Fmt.pct(s.baselineEfficiency()),
          Fmt.pct(s.currentEfficiency()),
          s.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    if (table.isEmpty()) {
      out.println("  no scenario is in both files");
    } else {
      table.print(out, "  ");
    }
    list(out, "Regressions", scenarios.stream().filter(s -> s.verdict().failsGate()).toList());
    list(out, "Improvements", withVerdict(Verdict.IMPROVEMENT));
    if (!notCompared.isEmpty()) {
      out.println();
      out.println("Not compared (" + notCompared.size() + "): " + String.join(", ", notCompared));
    }
    out.println();
    long failing = scenarios.stream().filter(s -> s.verdict().failsGate()).count();
    out.println(
        failing == 0
            ? "Gate: PASS, no scenario regressed past " + Fmt.num(thresholdPercent) + "%"
            : "Gate: FAIL, " + failing + (failing == 1 ? " scenario" : " scenarios")
                + " regressed past " + Fmt.num(thresholdPercent) + "% or failed");
  }

  private static void list(PrintStream out, String title, List<ScenarioComparison> items) {
    out.println();
    out.println(title + " (" + items.size() + ")" + (items.isEmpty() ? "" : ":"));
    for (ScenarioComparison s : items) {
      out.println(
          "  " + s.name() + ": "
              + (s.verdict() == Verdict.FAILED
                  ? "failed now, was " + Fmt.rate(s.baselineJobsPerSecond()) + " jobs/s"
                  : Fmt.rate(s.baselineJobsPerSecond()) + " -> "
                      + Fmt.rate(s.currentJobsPerSecond().orElse(0)) + " jobs/s ("
                      + Fmt.change(s.changePercent()) + ")"));
    }
  }

  private static String ci(double ci95, boolean used) {
    return used ? " ±" + Fmt.rate(ci95) : "";
  }
}
