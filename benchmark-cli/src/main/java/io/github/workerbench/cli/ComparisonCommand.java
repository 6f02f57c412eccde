package io.github.workerbench.cli;

import io.github.workerbench.core.engine.DockerUnavailableException;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.EngineScopedRunner;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The seed's comparisons, {@code bench benchmark} and {@code bench benchmark-workloads}: every
 * strategy on each of the verb's workloads with the same scenario options, printed as one table.
 * Exit 0 when every scenario succeeded, 1 otherwise, 2 for bad input (also for {@code
 * --worker-strategy} or {@code --workload-type}, which the comparison sets itself), 130 after
 * Ctrl-C (the running scenario stops, is shown as interrupted, and no further one runs). The
 * subclasses inherit the help options and the comparison's defaults from this class's command.
 */
@Command(mixinStandardHelpOptions = true, defaultValueProvider = ScenarioOptions.Comparison.class)
abstract class ComparisonCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin EngineOptions engine;

  @Mixin EngineScopeOption engineScope;

  private final String title;
  private final List<WorkloadKind> workloads;

  /**
   * @param title the table's title
   * @param workloads what every strategy runs, in the table's order
   */
  ComparisonCommand(String title, List<WorkloadKind> workloads) {
    this.title = title;
    this.workloads = List.copyOf(workloads);
  }

  /** Runs every strategy on every workload and prints the table. */
  @Override
  public Integer call() {
    String verb = spec.name();
    List<ScenarioPlan> plans = new ArrayList<>();
    EngineSettings engineSettings;
    try {
      for (String option : ScenarioOptions.given(spec)) {
        if (option.equals("--worker-strategy") || option.equals("--workload-type")) {
          throw new IllegalArgumentException(
              option + " is the comparison's own; use bench test for one strategy and workload");
        }
      }
      engineSettings = engine.settings(engineScope);
      for (WorkloadKind workload : workloads) {
        for (StrategyKind strategy : StrategyKind.values()) {
          String name = verb + "_" + strategy.id() + "_" + workload.id();
          plans.add(
              ScenarioPlan.of(
                  scenario
                      .scenario(name, verb, strategy, workload)
                      .withEngineDefaults(engineSettings.conditions())));
        }
      }
      engineSettings.requireAvailable();
    } catch (IllegalArgumentException | DockerUnavailableException e) {
      return BenchCli.badInput(spec.commandLine().getErr(), verb, e.getMessage());
    }
    FigurePrinter printer = new FigurePrinter(spec.commandLine().getOut());
    StopOnCtrlC ctrlC = StopOnCtrlC.interruptingWork(verb);
    List<ScenarioResult> results;
    try (EngineScopedRunner runner =
        TestCommand.runner(
            engineSettings, engine, printer, EngineLogFiles.besideOrTemporary(null))) {
      results = ctrlC.runAll(runner::run, plans, result -> {});
      printer.printTable(title, results);
    } finally {
      // Only now may a Ctrl-C exit proceed: the table of what ran is printed.
      ctrlC.close();
    }
    if (ctrlC.requested()) {
      return StopOnCtrlC.EXIT_INTERRUPTED;
    }
    boolean allSucceeded =
        results.size() == plans.size()
            && results.stream().allMatch(r -> r.status() == RunStatus.SUCCESS);
    return allSucceeded ? 0 : 1;
  }
}
