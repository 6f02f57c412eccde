package io.github.workerbench.core.run;

import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.scenario.ScenarioPlan;

/**
 * How the repeats of a scenario run, under the one scenario loop of {@link ScenarioRunner}: against
 * an engine ({@link EngineRepeatDriver}) or engine-free, the floor of the work itself ({@link
 * BareRepeatDriver}). The loop owns what a scenario is (its repeats, interrupts, the first failure
 * ending it, its result); a driver owns how one repeat gets its jobs and is measured.
 *
 * <p>Called on the runner's thread, one scenario at a time; never for two scenarios at once.
 */
public interface RepeatDriver extends AutoCloseable {

  /**
   * Starts the engine if none runs, before the scenario's preparation and outside every measured
   * window.
   *
   * @return how long that took in seconds (the result's {@code engine_startup_time}); {@code NaN}
   *     when an engine was running already or the driver needs none
   * @throws io.github.workerbench.core.BenchmarkException when the engine cannot be started or
   *     reached; its message is the result's reason
   */
  default double startEngine() {
    return Double.NaN;
  }

  /**
   * Readies the scenario's repeats before the first: starts the engine if need be and warms up.
   * A warm-up that fails is a warning in the outcome, not an exception.
   *
   * @throws io.github.workerbench.core.BenchmarkException when the scenario cannot run at all (the
   *     engine cannot be started or reached); its message is the result's reason
   */
  WarmupOutcome prepare(ScenarioPlan plan);

  /**
   * Runs one repeat and returns its figures, set on {@code metrics} (which holds the repeat's
   * number, expected jobs and ideal time). Never throws for a failure of the engine, the worker
   * or the jobs: they are the outcome's status and reason.
   */
  RepeatOutcome run(ScenarioPlan plan, int repeat, RepeatMetrics.Builder metrics);

  /** The scenario ended, after its last repeat or its first failure; e.g. drop a lost engine. */
  default void scenarioEnded(ScenarioPlan plan) {}

  /**
   * Whether a job whose work outlasts its job timeout is taken back and redelivered, as an engine
   * does; the engine-free floor times no job out.
   */
  default boolean redeliversTimedOutJobs() {
    return true;
  }

  /** Frees what the driver holds (the engine, clients); idempotent. */
  @Override
  void close();
}
