package io.github.workerbench.cli;

import io.github.workerbench.core.run.Warmup;
import picocli.CommandLine.Option;

/**
 * The options of the comparison verbs ({@code benchmark}, {@code benchmark-workloads}): one n, c
 * and d for every scenario of the comparison, and the engine. A picocli mixin; not thread-safe.
 */
final class ComparisonOptions {

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

  @Option(names = "--no-warmup",
      description = "Measure a cold JVM: skip the unmeasured warm-up before the first scenario.")
  boolean noWarmup;

  Warmup warmup() {
    return noWarmup ? Warmup.none() : Warmup.standard();
  }
}
