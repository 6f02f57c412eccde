package io.github.workerbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.core.handler.UserHandler;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options that describe a scenario on the command line ({@code bench test}, {@code bare},
 * {@code benchmark}, {@code benchmark-workloads}), with the seed's spellings ({@code
 * --process_instances}) too. A picocli mixin; the values an option left out gets come from the
 * model ({@link ScenarioPlan#SINGLE_SCENARIO}, {@link ScenarioPlan#COMPARISON} and the plan's own
 * resolution) through the command's default provider ({@link Single}, {@link Comparison}), so
 * none is written here. Not thread-safe.
 */
final class ScenarioOptions {

  @Option(names = {"--process-instances", "--process_instances"}, paramLabel = "N",
      description = "Process instances, one job each (default ${DEFAULT-VALUE}).")
  int processInstances;

  @Option(names = {"--worker-strategy", "--worker_strategy"}, paramLabel = "KIND",
      description = "async, thread, virtual, process or auto (default ${DEFAULT-VALUE}).")
  String workerStrategy;

  @Option(names = {"--workload-type", "--workload_type"}, paramLabel = "KIND",
      description = "cpu, io, subprocess, subprocess_threaded, sleep or http (default ${DEFAULT-VALUE}).")
  String workloadType;

  @Option(names = {"--work-duration-seconds", "--work_duration_seconds"}, paramLabel = "S",
      description = "Mean work per job in seconds (default ${DEFAULT-VALUE}).")
  double workDurationSeconds;

  @Option(names = {"--max-concurrent-jobs", "--max_concurrent_jobs"}, paramLabel = "N",
      description = "Most jobs in work at once (default ${DEFAULT-VALUE}).")
  int maxConcurrentJobs;

  @Option(names = {"--repeat-runs", "--repeat_runs", "--repeats"}, paramLabel = "N",
      description = "Repeats (default ${DEFAULT-VALUE}).")
  int repeatRuns;

  @Option(names = {"--job-timeout-milliseconds", "--job_timeout_milliseconds"}, paramLabel = "MS",
      description = "The jobs' activation timeout (default ${DEFAULT-VALUE}).")
  long jobTimeoutMilliseconds;

  @Option(names = {"--jitter-pct", "--jitter_pct"}, paramLabel = "X",
      description = "Spread of work durations around the mean, 0..1 (default ${DEFAULT-VALUE}).")
  double jitterPct;

  @Option(names = {"--timeout-seconds", "--timeout_seconds"}, paramLabel = "S",
      description = "Time a repeat may take (default: 3 × the ideal time + 30 s, at least 60 s).")
  Double timeoutSeconds;

  @Option(names = "--transport", paramLabel = "KIND",
      description = "rest, grpc-poll or grpc-stream (default ${DEFAULT-VALUE}).")
  String transport;

  @Option(names = "--acquisition", paramLabel = "KIND",
      description = "job-worker or direct (default ${DEFAULT-VALUE}).")
  String acquisition;

  @Option(names = {"--max-jobs-active", "--max_jobs_active"}, paramLabel = "N",
      description = "The JobWorker's maxJobsActive (default: max concurrent jobs).")
  Integer maxJobsActive;

  @Option(names = {"--failure-rate", "--failure_rate"}, paramLabel = "X",
      description = "Fraction of handler runs that throw, 0..1 (default ${DEFAULT-VALUE}).")
  double failureRate;

  @Option(names = "--handler", paramLabel = "CLASS",
      description = "Run your own job handler instead of the harness's work: a class implementing"
          + " the client's JobHandler (or io.github.workerbench.api.AsyncJobHandler for async) with"
          + " a public constructor without arguments; it completes or fails its jobs itself."
          + " --workload-type then says what its work is like, --work-duration-seconds how long a"
          + " run takes.")
  String handler;

  @Option(names = "--handler-jar", paramLabel = "JAR",
      description = "The jar (or class path) holding --handler.")
  String handlerJar;

  @Option(names = "--variables", paramLabel = "FILE",
      description = "A JSON object file: the variables every process instance is created with.")
  Path variables;

  /**
   * The scenario these options describe, with its own strategy and workload.
   *
   * @throws IllegalArgumentException naming the option's field when a value is not valid
   */
  Scenario scenario(String name, String phase) {
    return scenario(
        name, phase, StrategyKind.fromId(workerStrategy), WorkloadKind.fromId(workloadType));
  }

  /**
   * The scenario these options describe with this strategy and workload (a comparison's), the
   * timeout being the default one unless given.
   *
   * @throws IllegalArgumentException naming the option's field when a value is not valid
   */
  Scenario scenario(String name, String phase, StrategyKind strategy, WorkloadKind workload) {
    Scenario.Builder builder =
        Scenario.builder()
            .name(name)
            .phase(phase)
            .description("bench " + phase)
            .numInstances(processInstances)
            .strategy(strategy)
            .workloadType(workload)
            .workDuration(workDurationSeconds)
            .maxConcurrentJobs(maxConcurrentJobs)
            .repeats(repeatRuns)
            .jobTimeoutMs(jobTimeoutMilliseconds)
            .transport(TransportKind.fromId(transport))
            .acquisition(AcquisitionKind.fromId(acquisition))
            .maxJobsActive(maxJobsActive)
            .failureRate(handler == null ? failureRate : null)
            .jitterPct(handler == null ? jitterPct : null)
            .handler(handler)
            .handlerClasspath(handlerJar)
            .variables(variablesJson());
    if (handler != null && (failureRate != 0 || jitterPct != 0)) {
      throw new IllegalArgumentException(
          "--failure-rate and --jitter-pct shape the harness's own work and cannot apply to"
              + " --handler; leave them out");
    }
    if (handler == null && handlerJar != null) {
      throw new IllegalArgumentException("--handler-jar needs --handler (the class to run)");
    }
    Scenario built =
        ScenarioPlan.withTimeout(builder, timeoutSeconds, Runtime.getRuntime().availableProcessors());
    if (handler != null) {
      // refused here, before anything runs: one line naming the class and the jar
      UserHandler.check(handler, handlerJar, strategy);
    }
    return built;
  }

  /** The --variables file's JSON object, compact; null without the option. */
  private String variablesJson() {
    if (variables == null) {
      return null;
    }
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(Files.readString(variables));
    } catch (IOException e) {
      throw new IllegalArgumentException("--variables " + variables + ": " + why(e), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("--variables " + variables + ": expected a JSON object");
    }
    return node.toString();
  }

  /** Why the variables file could not be read, in one line (Jackson's own message has several). */
  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof JsonProcessingException json) {
      var location = json.getLocation();
      return "not valid JSON"
          + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
          + ": " + json.getOriginalMessage().lines().findFirst().orElse("");
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  /** The options of this mixin that the user gave on the command line, by their longest name. */
  static List<String> given(CommandSpec spec) {
    ParseResult parsed = spec.commandLine().getParseResult();
    return spec.mixins().get("scenario").options().stream()
        .filter(parsed::hasMatchedOption)
        .map(OptionSpec::longestName)
        .toList();
  }

  /**
   * The model's defaults for these options, by option name: the scenario's from {@code
   * defaults}, the optional ones as the plan resolves them when left out.
   */
  private static Map<String, String> defaults(ScenarioPlan.Defaults defaults) {
    ScenarioPlan resolved = ScenarioPlan.of(defaults.builder("defaults", "defaults").timeout(1).build());
    return Map.ofEntries(
        Map.entry("--process-instances", String.valueOf(defaults.numInstances())),
        Map.entry("--worker-strategy", defaults.strategy().id()),
        Map.entry("--workload-type", defaults.workloadType().id()),
        Map.entry("--work-duration-seconds", String.valueOf(defaults.workDurationSeconds())),
        Map.entry("--max-concurrent-jobs", String.valueOf(defaults.maxConcurrentJobs())),
        Map.entry("--repeat-runs", String.valueOf(defaults.repeats())),
        Map.entry("--job-timeout-milliseconds", String.valueOf(defaults.jobTimeoutMs())),
        Map.entry("--jitter-pct", String.valueOf(resolved.jitterPct())),
        Map.entry("--transport", resolved.transport().id()),
        Map.entry("--acquisition", resolved.acquisition().id()),
        Map.entry("--failure-rate", String.valueOf(resolved.failureRate())));
  }

  /** The defaults of a scenario's options, for a command's {@code defaultValueProvider}. */
  private abstract static class ModelDefaults implements IDefaultValueProvider {
    private final Map<String, String> values;

    ModelDefaults(ScenarioPlan.Defaults defaults) {
      this.values = defaults(defaults);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
      if (argSpec instanceof OptionSpec option) {
        for (String name : option.names()) {
          String value = values.get(name);
          if (value != null) {
            return value;
          }
        }
      }
      return null;
    }
  }

  /** The defaults of {@code bench test} and {@code bench bare}: {@link ScenarioPlan#SINGLE_SCENARIO}. */
  static final class Single extends ModelDefaults {
    Single() {
      super(ScenarioPlan.SINGLE_SCENARIO);
    }
  }

  /** The defaults of the comparison verbs: {@link ScenarioPlan#COMPARISON}. */
  static final class Comparison extends ModelDefaults {
    Comparison() {
      super(ScenarioPlan.COMPARISON);
    }
  }
}
