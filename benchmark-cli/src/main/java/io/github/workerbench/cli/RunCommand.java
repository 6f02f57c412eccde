package io.github.workerbench.cli;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.engine.DockerUnavailableException;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.handler.HandlerException;
import io.github.workerbench.core.handler.UserHandler;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.run.EngineLogSink;
import io.github.workerbench.core.run.EngineScopedRunner;
import io.github.workerbench.core.run.RunListener;
import io.github.workerbench.core.run.ScenarioRunner;
import io.github.workerbench.core.run.Warmup;
import io.github.workerbench.core.run.suite.ScenarioExecutor;
import io.github.workerbench.core.run.suite.SuiteOptions;
import io.github.workerbench.core.run.suite.SuiteOutcome;
import io.github.workerbench.core.run.suite.SuiteRunner;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.generator.Suite;
import io.github.workerbench.generator.SuiteGenerator;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.EngineConditions;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.ScenarioReader;
import io.github.workerbench.report.HtmlReport;
import io.github.workerbench.report.ReportInputException;
import io.github.workerbench.report.Reports;
import io.github.workerbench.report.ResultsData;
import io.github.workerbench.report.ResultsReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench run [SCENARIOS.json | --suite NAME]}: runs a suite, saving the results file after
 * every scenario, and prints the summary.
 *
 * <p>Everything the user gave is validated before anything runs or is written: the options, the
 * whole scenario file, the phase, and the results file to resume. Bad input is one line on stderr
 * and exit 2 (a stack trace only with {@code --verbose}). Exit 1 when a scenario failed (or the
 * harness could not run), 130 when interrupted by Ctrl-C: a shutdown hook stops the running
 * scenario, which is recorded as interrupted, and waits for the file to be saved.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs a scenario file or a suite and writes the results file.")
public final class RunCommand implements Callable<Integer> {

  /** Exit code after Ctrl-C, as a shell reports a SIGINT death (128 + 2). */
  public static final int EXIT_INTERRUPTED = StopOnCtrlC.EXIT_INTERRUPTED;

  /**
   * Makes the executor for an engine; {@code progress} wants every job completion, {@code warmup}
   * is the unmeasured work before the first scenario of each transport and acquisition, {@code
   * engineLogs} keeps a failed scenario's engine log.
   */
  @FunctionalInterface
  public interface ExecutorFactory {
    ScenarioExecutor create(
        EngineSettings engine, JobObserver progress, Warmup warmup, EngineLogSink engineLogs);
  }

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SCENARIOS.json",
      description = "A scenario file (a JSON list); or use --suite")
  private Path scenariosFile;

  @Option(
      names = "--suite",
      paramLabel = "NAME",
      description = "Generate and run a suite: " + "minimal, quick, fast, full or extended")
  private String suite;

  @Option(
      names = "--output",
      paramLabel = "RESULTS.json",
      defaultValue = "results.json",
      description = "The results file (default: ${DEFAULT-VALUE})")
  private Path output;

  @Option(names = "--limit", paramLabel = "N", description = "Run only the first N scenarios")
  private Integer limit;

  @Option(names = "--phase", paramLabel = "ID", description = "Run only this phase")
  private String phase;

  @Option(names = "--continue-on-error", description = "Go on after a failed scenario")
  private boolean continueOnError;

  @Option(names = "--no-summary", description = "Do not print the summary at the end")
  private boolean noSummary;

  @Option(
      names = "--resume",
      description = "Keep the successful results already in the results file; run the rest")
  private boolean resume;

  @Mixin EngineOptions engine;

  @Mixin EngineScopeOption engineScope;

  @Option(
      names = "--duration-scale",
      paramLabel = "X",
      defaultValue = "1.0",
      description = "Multiply every work_duration and timeout by X (default: ${DEFAULT-VALUE})")
  private double durationScale;

  @Option(names = "--verbose", description = "Show stack traces")
  private boolean verbose;

  private final ExecutorFactory executors;

  /** The command with the production executors. */
  public RunCommand() {
    this(RunCommand::executorFor);
  }

  /** The command with these executors (tests pass fakes). */
  public RunCommand(ExecutorFactory executors) {
    this.executors = executors;
  }

  /**
   * The production executor for an engine: one {@link ScenarioRunner} (one worker factory, so the
   * CPU calibration is measured once) for the whole suite, on an engine per phase or per scenario
   * as the settings' scope says, whose job events also move the progress bar. Closing it stops
   * the engine.
   *
   * @throws DockerUnavailableException when the container engine cannot run here: said before
   *     anything runs or is written
   */
  static ScenarioExecutor executorFor(
      EngineSettings engine, JobObserver progress, Warmup warmup, EngineLogSink engineLogs) {
    engine.requireAvailable();
    return new ClosingExecutor(
        EngineScopedRunner.of(
            engine,
            new DefaultWorkerFactory().alsoObservedBy(progress),
            warmup,
            RunListener.noop(),
            engineLogs));
  }

  /** A scenario executor that owns its runner, so the command can stop the engine at the end. */
  private record ClosingExecutor(EngineScopedRunner runner)
      implements ScenarioExecutor, AutoCloseable {
    @Override
    public ScenarioResult execute(ScenarioPlan plan) {
      return runner.run(plan);
    }

    @Override
    public void close() {
      runner.close();
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    SuiteRunner runner;
    SuiteRunner.Prepared prepared;
    AtomicReference<ScenarioExecutor> executor = new AtomicReference<>();
    EngineSettings engineSettings;
    try {
      String source = checkSource();
      engineSettings = engine.settings(engineScope);
      EngineConditions defaults = engineSettings.conditions();
      List<Scenario> scenarios =
          loadScenarios().stream().map(scenario -> scenario.withEngineDefaults(defaults)).toList();
      SuiteOptions options =
          new SuiteOptions(
              limit == null ? 0 : limit, phase, continueOnError, resume, durationScale);
      ResultsFile results = new ResultsFile(output);
      if (Files.isDirectory(output)) {
        throw new IllegalArgumentException(
            output + ": --output is a directory; name a results file such as results.json");
      }
      runner =
          new SuiteRunner(
              plan -> executor.get().execute(plan),
              results,
              new RunProgress(err, System.console() != null));
      prepared = runner.prepare(scenarios, source, options);
      executor.set(
          executors.create(
              engineSettings,
              runner.jobObserver(),
              engine.warmup(),
              EngineLogFiles.beside(output)));
    } catch (IllegalArgumentException | DockerUnavailableException e) {
      return fail(err, e, BenchCli.EXIT_BAD_INPUT);
    } catch (BenchmarkException e) {
      return fail(err, e, 1);
    }

    StopOnCtrlC ctrlC = StopOnCtrlC.install("run", runner::requestStop);
    try {
      SuiteOutcome outcome =
          runner.run(prepared, engineSettings.kind().id(), engineSettings.setup());
      closeExecutor(executor.get());
      Path html = htmlBeside(output);
      ResultsData data = ResultsReader.read(output);
      HtmlReport.write(data, html);
      if (!noSummary) {
        out.print(consoleSummary(data));
      }
      out.println("Total time: " + RunProgress.human(outcome.elapsed()));
      out.println("Results: " + output);
      out.println("Report: " + html);
      out.flush();
      if (outcome.interrupted()) {
        return EXIT_INTERRUPTED;
      }
      return outcome.anyFailed() ? 1 : 0;
    } catch (UncheckedIOException | BenchmarkException | ReportInputException e) {
      return fail(err, e, 1);
    } catch (IOException e) {
      return fail(err, new UncheckedIOException(e), 1);
    } finally {
      closeExecutor(executor.get());
      // Only now may a Ctrl-C shutdown proceed: the file is saved and the summary printed.
      ctrlC.close();
    }
  }

  /** The HTML report's path: the results file's name with {@code .html} for {@code .json}. */
  static Path htmlBeside(Path results) {
    String name = results.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return results.resolveSibling(base + ".html");
  }

  private static String consoleSummary(ResultsData data) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (PrintStream console = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      Reports.consoleSummary(data, console);
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  private static void closeExecutor(ScenarioExecutor executor) {
    if (executor instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new BenchmarkException("Expected to stop the engine, but " + e.getMessage(), e);
      }
    }
  }

  private String checkSource() {
    if ((scenariosFile == null) == (suite == null)) {
      throw new IllegalArgumentException(
          scenariosFile == null
              ? "give a scenario file (bench run SCENARIOS.json) or --suite NAME"
              : "give a scenario file or --suite, not both");
    }
    if (limit != null && limit <= 0) {
      throw new IllegalArgumentException("--limit must be greater than 0, but was " + limit);
    }
    if (!(durationScale > 0) || Double.isInfinite(durationScale)) {
      throw new IllegalArgumentException(
          "--duration-scale must be greater than 0, but was " + durationScale);
    }
    return scenariosFile != null ? scenariosFile.toString() : "suite:" + suite;
  }

  private List<Scenario> loadScenarios() {
    if (scenariosFile != null) {
      List<Scenario> scenarios = ScenarioReader.read(scenariosFile);
      checkHandlers(scenariosFile, scenarios);
      return scenarios;
    }
    try {
      return SuiteGenerator.generate(Suite.fromId(suite));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--suite: " + e.getMessage(), e);
    }
  }

  /**
   * Loads each user's handler the scenarios name, so that one that cannot run is bad input before
   * anything runs: one line naming the file, the scenario and the handler's class and jar.
   */
  static void checkHandlers(Path scenariosFile, List<Scenario> scenarios) {
    Set<List<String>> checked = new HashSet<>();
    for (Scenario scenario : scenarios) {
      if (scenario.handler() == null) {
        continue;
      }
      List<String> key =
          Arrays.asList(scenario.handler(), scenario.handlerClasspath(), scenario.strategy().id());
      if (!checked.add(key)) {
        continue;
      }
      try {
        UserHandler.check(scenario.handler(), scenario.handlerClasspath(), scenario.strategy());
      } catch (HandlerException e) {
        throw new IllegalArgumentException(
            scenariosFile + ": scenario '" + scenario.name() + "', field handler: " + e.getMessage(), e);
      }
    }
  }

  private int fail(PrintWriter err, RuntimeException e, int exitCode) {
    err.println("bench run: " + e.getMessage());
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }
}
