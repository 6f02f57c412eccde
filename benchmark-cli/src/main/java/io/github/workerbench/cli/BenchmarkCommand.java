package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
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
 * with the same n, c and d — printed as one table. Exit 0 when every scenario succeeded, 1
 * otherwise, 2 for bad input, 130 after Ctrl-C (the running scenario stops, is shown as
 * interrupted, and no further one runs).
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Compares all five strategies on the cpu workload.")
public final class BenchmarkCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin ComparisonOptions options;

  @Override
  public Integer call() {
    return compare(spec, "benchmark", "Strategies on cpu", List.of(WorkloadKind.CPU), options);
  }

  /** Runs every strategy on every workload and prints the table; shared with the workloads verb. */
  static int compare(
      CommandSpec spec,
      String verb,
      String title,
      List<WorkloadKind> workloads,
      ComparisonOptions options) {
    List<ScenarioPlan> plans = new ArrayList<>();
    EngineSettings engineSettings;
    try {
      engineSettings = EngineSettings.fromSystem(options.engine);
      for (WorkloadKind workload : workloads) {
        for (StrategyKind strategy : StrategyKind.values()) {
          Scenario.Builder builder =
              Scenario.builder()
                  .name(verb + "_" + strategy.id() + "_" + workload.id())
                  .description(title)
                  .phase(verb)
                  .numInstances(options.processInstances)
                  .strategy(strategy)
                  .workloadType(workload)
                  .workDuration(options.workDurationSeconds)
                  .maxConcurrentJobs(options.maxConcurrentJobs)
                  .repeats(1)
                  .jobTimeoutMs(ScenarioOptions.DEFAULT_JOB_TIMEOUT_MS)
                  .timeout(1);
          builder.timeout(ScenarioOptions.defaultTimeoutSeconds(builder.build()));
          plans.add(ScenarioPlan.of(builder.build()));
        }
      }
    } catch (IllegalArgumentException e) {
      return ScenarioOptions.badInput(spec.commandLine().getErr(), verb, e.getMessage());
    }
    FigurePrinter printer = new FigurePrinter(spec.commandLine().getOut());
    StopOnCtrlC ctrlC = StopOnCtrlC.interruptingWork(verb);
    List<ScenarioResult> results;
    try {
      results =
          ScenarioOptions.runAll(engineSettings, plans, options.warmup(), printer, ctrlC);
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
