package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.ScenarioRunner;
import io.github.workerbench.core.run.Warmup;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run verbs share: the default timeout a command-line scenario gets, and running a list
 * of plans on one runner (one engine, one worker factory, so the CPU calibration is measured
 * once).
 */
final class ScenarioOptions {

  /** The job timeout handed to the engine when the user gives none: 5 minutes. */
  static final long DEFAULT_JOB_TIMEOUT_MS = 300_000;

  private ScenarioOptions() {}

  /** Three times the ideal time plus 30 s of slack, at least 60 s. */
  static double defaultTimeoutSeconds(Scenario withoutTimeout) {
    ScenarioPlan plan = ScenarioPlan.of(withoutTimeout);
    double ideal =
        IdealTime.perRepeat(plan, Runtime.getRuntime().availableProcessors()).toNanos() / 1e9;
    return Math.max(60, 3 * ideal + 30);
  }

  /**
   * Runs the plans one after another on one engine, printing progress, until one is interrupted
   * or Ctrl-C arrives; a scenario cut short by Ctrl-C is recorded as interrupted.
   */
  static List<ScenarioResult> runAll(
      EngineSettings engine,
      List<ScenarioPlan> plans,
      Warmup warmup,
      FigurePrinter printer,
      StopOnCtrlC ctrlC) {
    List<ScenarioResult> results = new ArrayList<>();
    try (ScenarioRunner runner =
        new ScenarioRunner(
            engine::newAdapter,
            new DefaultWorkerFactory(),
            System::nanoTime,
            Clock.systemUTC(),
            printer.progress(),
            warmup)) {
      for (ScenarioPlan plan : plans) {
        if (ctrlC.requested()) {
          break;
        }
        ScenarioResult result = ctrlC.recorded(ctrlC.interruptible(() -> runner.run(plan)));
        results.add(result);
        if (result.status() == RunStatus.INTERRUPTED) {
          break;
        }
      }
    }
    return results;
  }

  /** Prints a user error as the one line the CLI promises and returns the exit code. */
  static int badInput(PrintWriter err, String verb, String message) {
    err.println("bench " + verb + ": " + message);
    err.flush();
    return BenchCli.EXIT_BAD_INPUT;
  }
}
