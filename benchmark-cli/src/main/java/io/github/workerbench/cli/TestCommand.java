package io.github.workerbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.core.engine.DockerUnavailableException;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.result.ResultsFile;
import io.github.workerbench.core.result.ResultsHeader;
import io.github.workerbench.core.result.RunStatus;
import io.github.workerbench.core.result.ScenarioResult;
import io.github.workerbench.core.run.Warmup;
import io.github.workerbench.core.scenario.AcquisitionKind;
import io.github.workerbench.core.scenario.Scenario;
import io.github.workerbench.core.scenario.ScenarioPlan;
import io.github.workerbench.core.scenario.StrategyKind;
import io.github.workerbench.core.scenario.TransportKind;
import io.github.workerbench.core.scenario.WorkloadKind;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    description = "Runs one scenario given by options and prints its figures.")
public final class TestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = {"--process-instances", "--process_instances"}, defaultValue = "10",
      description = "Process instances, one job each (default ${DEFAULT-VALUE}).")
  int processInstances;

  @Option(names = {"--worker-strategy", "--worker_strategy"}, defaultValue = "async",
      description = "async, thread, virtual, process or auto (default ${DEFAULT-VALUE}).")
  String workerStrategy;

  @Option(names = {"--workload-type", "--workload_type"}, defaultValue = "cpu",
      description = "cpu, io, subprocess, subprocess_threaded or sleep (default ${DEFAULT-VALUE}).")
  String workloadType;

  @Option(names = {"--work-duration-seconds", "--work_duration_seconds"}, defaultValue = "1.0",
      description = "Mean work per job in seconds (default ${DEFAULT-VALUE}).")
  double workDurationSeconds;

  @Option(names = {"--max-concurrent-jobs", "--max_concurrent_jobs"}, defaultValue = "10",
      description = "Most jobs in work at once (default ${DEFAULT-VALUE}).")
  int maxConcurrentJobs;

  @Option(names = {"--repeat-runs", "--repeat_runs"}, defaultValue = "1",
      description = "Repeats (default ${DEFAULT-VALUE}).")
  int repeatRuns;

  @Option(names = {"--job-timeout-milliseconds", "--job_timeout_milliseconds"},
      defaultValue = "300000", description = "The jobs' activation timeout (default ${DEFAULT-VALUE}).")
  long jobTimeoutMilliseconds;

  @Option(names = {"--jitter-pct", "--jitter_pct"}, defaultValue = "0",
      description = "Spread of work durations around the mean, 0..1 (default ${DEFAULT-VALUE}).")
  double jitterPct;

  @Option(names = {"--timeout-seconds", "--timeout_seconds"},
      description = "Time a repeat may take (default: 3 × the ideal time + 30 s, at least 60 s).")
  Double timeoutSeconds;

  @Option(names = "--transport", defaultValue = "rest",
      description = "rest, grpc-poll or grpc-stream (default ${DEFAULT-VALUE}).")
  String transport;

  @Option(names = "--acquisition", defaultValue = "job-worker",
      description = "job-worker or direct (default ${DEFAULT-VALUE}).")
  String acquisition;

  @Option(names = {"--max-jobs-active", "--max_jobs_active"},
      description = "The JobWorker's maxJobsActive (default: max concurrent jobs).")
  Integer maxJobsActive;

  @Option(names = {"--failure-rate", "--failure_rate"}, defaultValue = "0",
      description = "Fraction of handler runs that throw, 0..1 (default ${DEFAULT-VALUE}).")
  double failureRate;

  @Option(names = "--engine",
      description = "embedded, container or remote (default: -Dbenchmark.engine, else embedded).")
  String engine;

  @Option(names = "--engine-image",
      description = "The container engine's image (default: -Dbenchmark.engine.image, else"
          + " camunda/camunda:8.9.0; ours: workerbench/engine:latest).")
  String engineImage;

  @Option(names = "--engine-cpus",
      description = "Pin the container engine to these CPUs, e.g. 0-1 (default: every CPU).")
  String engineCpus;

  @Option(names = "--output", description = "Write a results file here.")
  Path output;

  @Option(names = "--no-warmup",
      description = "Measure a cold JVM: skip the unmeasured warm-up (jobs through the client"
          + " and the worker) before the repeats.")
  boolean noWarmup;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Scenario scenario;
    EngineSettings engineSettings;
    try {
      scenario = scenario();
      engineSettings = EngineSettings.fromSystem(engine, engineImage, null, engineCpus);
      engineSettings.requireAvailable();
    } catch (IllegalArgumentException | DockerUnavailableException e) {
      return ScenarioOptions.badInput(err, "test", e.getMessage());
    }
    FigurePrinter printer = new FigurePrinter(spec.commandLine().getOut());
    StopOnCtrlC ctrlC = StopOnCtrlC.interruptingWork("test");
    try {
      List<ScenarioResult> results =
          ScenarioOptions.runAll(
              engineSettings,
              List.of(ScenarioPlan.of(scenario)),
              noWarmup ? Warmup.none() : Warmup.standard(),
              printer,
              ctrlC);
      if (results.isEmpty()) {
        // Ctrl-C came before the scenario started: nothing ran, nothing to save.
        return StopOnCtrlC.EXIT_INTERRUPTED;
      }
      ScenarioResult result = results.get(0);
      printer.printResult(result);
      if (output != null) {
        try {
          List<JsonNode> nodes = List.of(ResultsFile.toNode(result));
          new ResultsFile(output)
              .write(
                  new ResultsHeader(
                      Instant.now(),
                      "bench test",
                      engineSettings.kind().id(),
                      1.0,
                      engineSettings.setup()),
                  nodes);
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

  /** The scenario the options describe; {@link IllegalArgumentException} naming the option. */
  Scenario scenario() {
    Scenario.Builder builder =
        Scenario.builder()
            .name("test")
            .description("bench test")
            .phase("test")
            .numInstances(processInstances)
            .strategy(StrategyKind.fromId(workerStrategy))
            .workloadType(WorkloadKind.fromId(workloadType))
            .workDuration(workDurationSeconds)
            .maxConcurrentJobs(maxConcurrentJobs)
            .repeats(repeatRuns)
            .jobTimeoutMs(jobTimeoutMilliseconds)
            .jitterPct(jitterPct)
            .transport(TransportKind.fromId(transport))
            .acquisition(AcquisitionKind.fromId(acquisition))
            .maxJobsActive(maxJobsActive)
            .failureRate(failureRate)
            .timeout(timeoutSeconds != null ? timeoutSeconds : 1);
    if (timeoutSeconds == null) {
      builder.timeout(ScenarioOptions.defaultTimeoutSeconds(builder.build()));
    }
    return builder.build();
  }
}
