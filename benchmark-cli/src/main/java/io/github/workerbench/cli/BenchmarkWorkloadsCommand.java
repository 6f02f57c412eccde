package io.github.workerbench.cli;

import io.github.workerbench.core.scenario.WorkloadKind;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench benchmark-workloads}: the seed's strategies × workloads comparison — every
 * strategy on cpu and on io with the same n, c and d — printed as one table.
 */
@Command(
    name = "benchmark-workloads",
    mixinStandardHelpOptions = true,
    description = "Compares all five strategies on the cpu and io workloads.")
public final class BenchmarkWorkloadsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = {"--process-instances", "--process_instances"}, defaultValue = "20",
      description = "Process instances per scenario (default ${DEFAULT-VALUE}).")
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
    return BenchmarkCommand.compare(
        spec, "benchmark-workloads", "Strategies x workloads",
        List.of(WorkloadKind.CPU, WorkloadKind.IO), processInstances, maxConcurrentJobs,
        workDurationSeconds, engine);
  }
}
