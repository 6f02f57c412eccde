package io.github.workerbench.cli;

import io.github.workerbench.core.engine.DockerUnavailableException;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.EngineLogSink;
import io.github.workerbench.core.run.EngineScopedRunner;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ResultsHeader;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench test}: one scenario from command-line options, the seed's single test. Prints the
 * figures (efficiency included) and, with {@code --output}, writes a results file. Exit codes: 0
 * every repeat succeeded, 1 a measured failure, 2 bad input, 130 after Ctrl-C (the scenario
 * stops, is recorded as interrupted, and the results file is still written).
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    defaultValueProvider = ScenarioOptions.Single.class,
    description = "Runs one scenario given by options and prints its figures.")
public final class TestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin EngineOptions engine;

  @Option(names = "--output", description = "Write a results file here.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ScenarioPlan plan;
    EngineSettings engineSettings;
    try {
      plan = ScenarioPlan.of(scenario.scenario("test", "test"));
      engineSettings = engine.settings();
      engineSettings.requireAvailable();
    } catch (IllegalArgumentException | DockerUnavailableException e) {
      return BenchCli.badInput(err, "test", e.getMessage());
    }
    FigurePrinter printer = new FigurePrinter(spec.commandLine().getOut());
    StopOnCtrlC ctrlC = StopOnCtrlC.interruptingWork("test");
    try (EngineScopedRunner runner =
        runner(engineSettings, engine, printer, EngineLogFiles.besideOrTemporary(output))) {
      List<ScenarioResult> results = ctrlC.runAll(runner::run, List.of(plan), result -> {});
      if (results.isEmpty()) {
        // Ctrl-C came before the scenario started: nothing ran, nothing to save.
        return StopOnCtrlC.EXIT_INTERRUPTED;
      }
      ScenarioResult result = results.get(0);
      printer.printResult(result);
      if (output != null) {
        try {
          new ResultsFile(output)
              .write(
                  new ResultsHeader(
                      Instant.now(),
                      "bench test",
                      engineSettings.kind().id(),
                      1.0,
                      engineSettings.setup()),
                  List.of(ResultsFile.toNode(result)));
          spec.commandLine().getOut().println("Results written to " + output);
          spec.commandLine().getOut().flush();
        } catch (UncheckedIOException e) {
          err.println("bench test: " + e.getMessage());
          err.flush();
          return 1;
        }
      }
      if (ctrlC.requested() || result.status() == RunStatus.INTERRUPTED) {
        return StopOnCtrlC.EXIT_INTERRUPTED;
      }
      return result.status() == RunStatus.SUCCESS ? 0 : 1;
    } finally {
      // Only now may a Ctrl-C exit proceed: the figures are printed and the file saved.
      ctrlC.close();
    }
  }

  /**
   * The runner of the run verbs: one worker factory for all their scenarios (so the CPU
   * calibration is measured once) on an engine per phase or per scenario as the settings' scope
   * says, printing each repeat; a failed scenario's engine log goes to {@code engineLogs}.
   */
  static EngineScopedRunner runner(
      EngineSettings settings,
      EngineOptions options,
      FigurePrinter printer,
      EngineLogSink engineLogs) {
    return EngineScopedRunner.of(
        settings, new DefaultWorkerFactory(), options.warmup(), printer.progress(), engineLogs);
  }
}
