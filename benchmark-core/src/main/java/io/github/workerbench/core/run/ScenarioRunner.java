package io.github.workerbench.core.run;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.model.result.Diagnosis;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs one scenario at a time to its result: the one scenario loop, over a {@link RepeatDriver}
 * that runs each repeat against an engine ({@link EngineRepeatDriver}) or engine-free ({@link
 * BareRepeatDriver}).
 *
 * <p>Per scenario: the flags known from the plan, the engine's start when none runs (timed: the
 * result's {@code engine_startup_time}, never in a window), the driver's preparation (warm-up),
 * then each repeat in turn with its number, expected jobs and ideal time, until the first that
 * does not succeed; an interrupt before a repeat ends the scenario as {@code interrupted}. The
 * result carries the repeats that ran, the strategy that ran, the start-up before the windows
 * (averaged over the repeats), the warm-up and the engine's start. With more than one repeat a
 * repeat's reason is prefixed {@code repeat N:}.
 *
 * <p>Nothing escapes {@link #run}: an engine that cannot be started or reached fails the scenario
 * with the reason, and so does whatever makes a repeat fail; failing handlers are measured (failed
 * jobs, incidents), never fatal.
 *
 * <p>Not thread-safe: run one scenario at a time. {@link #close()} closes the driver.
 */
public final class ScenarioRunner implements AutoCloseable {

  private final RepeatDriver driver;
  private final LongSupplier nanoClock;
  private final Clock clock;
  private final RunListener listener;
  private final int cores;

  /** A runner on the system clocks that reports to no one. */
  public ScenarioRunner(RepeatDriver driver) {
    this(driver, System::nanoTime, Clock.systemUTC(), RunListener.noop());
  }

  /**
   * A runner.
   *
   * @param driver runs each repeat; closed with the runner
   * @param nanoClock the clock of the scenario's elapsed time, in nanoseconds
   * @param clock the wall clock for {@code finishedAt}
   * @param listener hears the progress
   */
  public ScenarioRunner(
      RepeatDriver driver, LongSupplier nanoClock, Clock clock, RunListener listener) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.cores = Runtime.getRuntime().availableProcessors();
  }

  /** Runs every repeat of the plan; never throws for a failure of the engine, worker or jobs. */
  public ScenarioResult run(ScenarioPlan plan) {
    long scenarioStart = nanoClock.getAsLong();
    listener.scenarioStarted(plan);
    List<String> warnings =
        new ArrayList<>(ScenarioWarnings.before(plan, cores, driver.redeliversTimedOutJobs()));
    double idealSeconds = IdealTime.perRepeat(plan, cores).toNanos() / 1e9;
    List<RepeatMetrics> repeats = new ArrayList<>();
    String resolvedStrategy = plan.scenario().strategy().id();
    double startupSeconds = 0;
    double warmupSeconds = 0;
    double engineStartupSeconds = Double.NaN;
    RunStatus status = RunStatus.SUCCESS;
    String error = null;
    try {
      engineStartupSeconds = driver.startEngine();
      WarmupOutcome warmedUp = driver.prepare(plan);
      warmupSeconds = warmedUp.seconds();
      if (warmedUp.warning() != null) {
        warnings.add(warmedUp.warning());
      }
      for (int repeat = 1; repeat <= plan.scenario().repeats(); repeat++) {
        if (Thread.currentThread().isInterrupted()) {
          status = RunStatus.INTERRUPTED;
          error = "interrupted before repeat " + repeat;
          break;
        }
        listener.repeatStarted(plan, repeat);
        RepeatMetrics.Builder metrics =
            RepeatMetrics.builder(repeat)
                .expectedJobs(plan.numInstances())
                .idealTimeSeconds(idealSeconds)
                .diagnosisContext(Diagnosis.Context.of(plan, cores));
        RepeatOutcome outcome = driver.run(plan, repeat, metrics);
        repeats.add(outcome.metrics());
        if (outcome.resolvedStrategy() != null) {
          resolvedStrategy = outcome.resolvedStrategy();
        }
        startupSeconds += outcome.startupSeconds();
        listener.repeatFinished(plan, outcome.metrics());
        if (outcome.metrics().status() != RunStatus.SUCCESS) {
          status = outcome.metrics().status();
          error =
              plan.scenario().repeats() == 1
                  ? outcome.metrics().error()
                  : "repeat " + repeat + ": " + outcome.metrics().error();
          break;
        }
      }
    } catch (BenchmarkException e) {
      status = RunStatus.FAILED;
      error = e.getMessage();
    }
    driver.scenarioEnded(plan);
    warnings.addAll(ScenarioWarnings.after(repeats, cores));
    ScenarioResult result =
        new ScenarioResult(
            plan,
            status,
            error,
            warnings,
            (nanoClock.getAsLong() - scenarioStart) / 1e9,
            clock.instant(),
            resolvedStrategy,
            cores,
            repeats.isEmpty() ? 0 : startupSeconds / repeats.size(),
            warmupSeconds,
            repeats,
            engineStartupSeconds);
    listener.scenarioFinished(result);
    return result;
  }

  /** Closes the driver (stopping an engine it started); idempotent. */
  @Override
  public void close() {
    driver.close();
  }
}
