package io.github.workerbench.core.run;

import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.engine.EngineScope;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link ScenarioRunner} whose engine lives as long as the {@link EngineScope} says: with
 * {@code phase}, until a scenario of another phase comes (or the runner is closed); with {@code
 * scenario}, for one scenario, so every scenario starts its own engine (a fresh container, or a
 * fresh in-process engine). The runner does the rest as always: it starts an engine when it has
 * none, and starts a new one after it lost one.
 *
 * <p>When a scenario fails, the engine's last log lines ({@link EngineAdapter#logTail()}, a
 * container's output) go to the {@link EngineLogSink}, and the scenario's error names where.
 *
 * <p>Not thread-safe: one scenario at a time, as the runner requires.
 */
public final class EngineScopedRunner implements AutoCloseable {

  private final ScenarioRunner runner;
  private final EngineScope scope;
  private final EngineLogSink logSink;
  private EngineAdapter lastEngine;
  private String lastPhase;

  /**
   * The runner of a run's scenarios: one {@link EngineRepeatDriver} (one worker factory for all
   * scenarios, so the CPU calibration is measured once) on these settings' engines and scope, on
   * the system clocks.
   *
   * @param workers starts the worker of each repeat
   * @param warmup the unmeasured work before the first scenario of each kind on an engine
   * @param listener hears the progress
   * @param logSink where a failed scenario's engine log goes
   */
  public static EngineScopedRunner of(
      EngineSettings settings,
      WorkerFactory workers,
      Warmup warmup,
      RunListener listener,
      EngineLogSink logSink) {
    return new EngineScopedRunner(
        settings,
        engines ->
            new ScenarioRunner(
                new EngineRepeatDriver(engines, workers, warmup, System::nanoTime),
                System::nanoTime,
                Clock.systemUTC(),
                listener),
        logSink);
  }

  /**
   * A runner on these settings' engines and scope.
   *
   * @param runners makes the runner from the engine factory it must use
   * @param logSink where a failed scenario's engine log goes
   */
  public EngineScopedRunner(
      EngineSettings settings,
      Function<Supplier<EngineAdapter>, ScenarioRunner> runners,
      EngineLogSink logSink) {
    this(settings::newAdapter, settings.scope(), runners, logSink);
  }

  /**
   * A runner on the engines {@code engines} makes (tests pass their own), in this scope.
   *
   * @param runners makes the runner from the engine factory it must use
   * @param logSink where a failed scenario's engine log goes
   */
  public EngineScopedRunner(
      Supplier<? extends EngineAdapter> engines,
      EngineScope scope,
      Function<Supplier<EngineAdapter>, ScenarioRunner> runners,
      EngineLogSink logSink) {
    Objects.requireNonNull(engines, "engines");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.logSink = Objects.requireNonNull(logSink, "logSink");
    Supplier<EngineAdapter> tracked =
        () -> {
          EngineAdapter engine = engines.get();
          lastEngine = engine;
          return engine;
        };
    this.runner = Objects.requireNonNull(runners.apply(tracked), "runner");
  }

  /** The scope this runner keeps. */
  public EngineScope scope() {
    return scope;
  }

  /** Runs the plan on the engine of its scope; never throws for a failed scenario. */
  public ScenarioResult run(ScenarioPlan plan) {
    String phase = plan.scenario().phase();
    if (scope == EngineScope.PHASE && lastPhase != null && !lastPhase.equals(phase)) {
      runner.close();
    }
    lastPhase = phase;
    ScenarioResult result;
    try {
      result = runner.run(plan);
    } finally {
      if (scope == EngineScope.SCENARIO) {
        runner.close();
      }
    }
    return result.status() == RunStatus.SUCCESS ? result : withEngineLog(result);
  }

  private ScenarioResult withEngineLog(ScenarioResult failed) {
    List<String> lines = lastEngine == null ? List.of() : lastEngine.logTail();
    if (lines.isEmpty()) {
      return failed;
    }
    String where = logSink.keep(failed, lines);
    if (where == null) {
      return failed;
    }
    String error = failed.error() == null ? failed.status().id() : failed.error();
    return failed.withError(error + " (" + where + ")");
  }

  /** Stops the engine, if one runs; idempotent. */
  @Override
  public void close() {
    runner.close();
  }
}
