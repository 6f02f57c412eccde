package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.result.RunStatus;
import io.github.workerbench.core.result.ScenarioResult;
import io.github.workerbench.core.scenario.Scenario;
import io.github.workerbench.core.scenario.ScenarioPlan;
import io.github.workerbench.core.scenario.StrategyKind;
import io.github.workerbench.core.scenario.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(names = {"--process-instances", "--process_instances"}, defaultValue = "20",
      description = "Process instances per strategy (default ${DEFAULT-VALUE}).")
  int processInstances;

  @Option(names = {"--max-concurrent-jobs", "--max_concurrent_jobs"}, defaultValue = "10",
      description = "Most jobs in work at once (default ${DEFAULT-VALUE}).")
  int maxConcurrentJobs;

  @Option(names = {"--work-duration-seconds", "--work_duration_seconds"}, defaultValue = "0.5",
      description = "Work per job in seconds (default ${DEFAULT-VALUE}).")
  double workDurationSeconds;

  @Option(names = "--engine",
      description = "embedded, container or remote (default: -Dbenchmark.engine, else embedded).")
  String engine;

  @Override
  public Integer call() {
    return compare(
        spec, "benchmark", "Strategies on cpu", List.of(WorkloadKind.CPU), processInstances,
        maxConcurrentJobs, workDurationSeconds, engine);
  }

  /** Runs every strategy on every workload and prints the table; shared with the workloads verb. */
  static int compare(
      CommandSpec spec,
      String verb,
      String title,
      List<WorkloadKind> workloads,
      int processInstances,
      int maxConcurrentJobs,
      double workDurationSeconds,
      String engineId) {
    List<ScenarioPlan> plans = new ArrayList<>();
    EngineSettings engineSettings;
    try {
      engineSettings = EngineSettings.fromSystem(engineId);
      for (WorkloadKind workload : workloads) {
        for (StrategyKind strategy : StrategyKind.values()) {
          Scenario.Builder builder =
              Scenario.builder()
                  .name(verb + "_" + strategy.id() + "_" + workload.id())
                  .description(title)
                  .phase(verb)
                  .numInstances(processInstances)
                  .strategy(strategy)
                  .workloadType(workload)
                  .workDuration(workDurationSeconds)
                  .maxConcurrentJobs(maxConcurrentJobs)
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
      results = ScenarioOptions.runAll(engineSettings, plans, printer, ctrlC);
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
