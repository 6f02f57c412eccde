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
 * {@code bench benchmark}: the seed's strategy comparison — every strategy on the cpu workload
 * with the same scenario options — printed as one table. Exit 0 when every scenario succeeded, 1
 * otherwise, 2 for bad input (also for {@code --worker-strategy} or {@code --workload-type}, which
 * the comparison sets itself), 130 after Ctrl-C (the running scenario stops, is shown as
 * interrupted, and no further one runs).
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    defaultValueProvider = ScenarioOptions.Comparison.class,
    description = "Compares all five strategies on the cpu workload.")
public final class BenchmarkCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin EngineOptions engine;

  @Mixin EngineScopeOption engineScope;

  @Override
  public Integer call() {
    return compare(
        spec, "Strategies on cpu", List.of(WorkloadKind.CPU), scenario, engine, engineScope);
  }

  /**
   * Runs every strategy on every workload and prints the table; shared with the workloads verb.
   */
  static int compare(
      CommandSpec spec,
      String title,
      List<WorkloadKind> workloads,
      ScenarioOptions scenario,
      EngineOptions engine,
      EngineScopeOption engineScope) {
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
          plans.add(ScenarioPlan.of(scenario.scenario(name, verb, strategy, workload)));
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
