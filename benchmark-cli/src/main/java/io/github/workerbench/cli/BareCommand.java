package io.github.workerbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.core.result.BareResult;
import io.github.workerbench.core.worker.BareRunner;
import io.github.workerbench.model.result.AtomicFile;
import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.ScenarioReader;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench bare [SCENARIOS.json] [--scenario NAME ...]}: each scenario's engine-free floor
 * ({@link BareRunner}), one table row per scenario; with {@code --output}, the rows as a small
 * JSON file, written atomically after every scenario. Without a file, one scenario from the
 * {@code bench test} options. Exit codes: 0 every scenario succeeded, 1 one failed (or the file
 * could not be written), 2 bad input (one line on stderr, nothing run), 130 after Ctrl-C (the
 * scenario stops, its row is printed and saved).
 */
@Command(
    name = "bare",
    mixinStandardHelpOptions = true,
    description = {
      "Measures each scenario's engine-free floor: the same strategy, workload, durations and"
          + " failures as a run, fed jobs the instant a slot frees, with no engine or client.",
      "The gap to 'bench run' is what Camunda, acquisition and the harness cost.",
      "acquisition, transport and max_jobs_active are ignored (no engine, no client);"
          + " job_timeout_ms too (nothing times jobs out)."
    })
public final class BareCommand implements Callable<Integer> {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int NAMES_LISTED = 10;

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SCENARIOS.json",
      description = "A scenario file (a JSON list); without it, the scenario options below")
  private Path scenariosFile;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description = "Only this scenario of the file (repeatable)")
  private List<String> scenarioNames = new ArrayList<>();

  @Option(
      names = {"--repeats", "--repeat-runs", "--repeat_runs"},
      paramLabel = "N",
      description = "Repeats of each scenario (default: the file's, or 1)")
  private Integer repeats;

  @Option(names = {"--process-instances", "--process_instances"}, paramLabel = "N",
      description = "Jobs (default 10)")
  private Integer processInstances;

  @Option(names = {"--worker-strategy", "--worker_strategy"}, paramLabel = "KIND",
      description = "async, thread, virtual, process or auto (default async)")
  private String workerStrategy;

  @Option(names = {"--workload-type", "--workload_type"}, paramLabel = "KIND",
      description = "cpu, io, subprocess, subprocess_threaded or sleep (default cpu)")
  private String workloadType;

  @Option(names = {"--work-duration-seconds", "--work_duration_seconds"}, paramLabel = "S",
      description = "Mean work per job in seconds (default 1.0)")
  private Double workDurationSeconds;

  @Option(names = {"--max-concurrent-jobs", "--max_concurrent_jobs"}, paramLabel = "N",
      description = "Most jobs in work at once (default 10)")
  private Integer maxConcurrentJobs;

  @Option(names = {"--jitter-pct", "--jitter_pct"}, paramLabel = "X",
      description = "Spread of work durations around the mean, 0..1 (default 0)")
  private Double jitterPct;

  @Option(names = {"--failure-rate", "--failure_rate"}, paramLabel = "X",
      description = "Fraction of handler runs that throw, 0..1 (default 0)")
  private Double failureRate;

  @Option(names = {"--timeout-seconds", "--timeout_seconds"}, paramLabel = "S",
      description = "Time a repeat may take (default: 3 × the ideal time + 30 s, at least 60 s)")
  private Double timeoutSeconds;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the rows here (JSON)")
  private Path output;

  @Option(
      names = "--no-warmup",
      description =
          "Measure a cold JVM: skip the unmeasured repeat before the first scenario of each"
              + " strategy and workload")
  private boolean noWarmup;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    List<ScenarioPlan> plans;
    try {
      plans = plans();
    } catch (IllegalArgumentException e) {
      return ScenarioOptions.badInput(err, "bare", e.getMessage());
    }
    printHeader(out);
    List<Row> rows = new ArrayList<>();
    boolean anyFailed = false;
    StopOnCtrlC ctrlC = StopOnCtrlC.interruptingWork("bare");
    try {
      BareRunner runner = new BareRunner(!noWarmup);
      for (ScenarioPlan plan : plans) {
        if (ctrlC.requested()) {
          break;
        }
        BareResult result;
        try {
          result = ctrlC.interruptible(() -> runner.run(plan));
        } catch (RuntimeException e) {
          // a bug or an exhausted machine, not a measured outcome: one line, the rows so far kept
          err.println("bench bare: Expected to measure '" + plan.name() + "', but " + e);
          err.flush();
          printErrors(out, rows);
          out.flush();
          return 1;
        }
        Row row = Row.of(result, ctrlC.requested());
        rows.add(row);
        printRow(out, row);
        anyFailed |= row.status() != RunStatus.SUCCESS;
        if (output != null && !save(err, rows)) {
          return 1;
        }
        if (row.status() == RunStatus.INTERRUPTED) {
          break;
        }
      }
      printErrors(out, rows);
      if (output != null) {
        out.println("Rows written to " + output);
      }
      out.flush();
      if (ctrlC.requested()) {
        return StopOnCtrlC.EXIT_INTERRUPTED;
      }
      return anyFailed ? 1 : 0;
    } finally {
      // Only now may a Ctrl-C exit proceed: the rows are printed and saved.
      ctrlC.close();
    }
  }

  /** The plans to measure; {@link IllegalArgumentException} naming the file, scenario or option. */
  private List<ScenarioPlan> plans() {
    if (repeats != null && repeats <= 0) {
      throw new IllegalArgumentException("--repeats must be greater than 0, but was " + repeats);
    }
    if (output != null && Files.isDirectory(output)) {
      throw new IllegalArgumentException(
          output + ": --output is a directory; name a file such as bare.json");
    }
    List<Scenario> scenarios;
    if (scenariosFile == null) {
      if (!scenarioNames.isEmpty()) {
        throw new IllegalArgumentException(
            "--scenario picks scenarios of a file: give one (bench bare SCENARIOS.json --scenario "
                + scenarioNames.get(0)
                + ")");
      }
      scenarios = List.of(optionScenario());
    } else {
      if (anyScenarioOption()) {
        throw new IllegalArgumentException(
            "give a scenario file or the scenario options (--process-instances, ...), not both");
      }
      scenarios = selected(ScenarioReader.read(scenariosFile));
      if (repeats != null) {
        scenarios = scenarios.stream().map(s -> s.toBuilder().repeats(repeats).build()).toList();
      }
    }
    return scenarios.stream().map(ScenarioPlan::of).toList();
  }

  private boolean anyScenarioOption() {
    return Stream.of(
            processInstances,
            workerStrategy,
            workloadType,
            workDurationSeconds,
            maxConcurrentJobs,
            jitterPct,
            failureRate,
            timeoutSeconds)
        .anyMatch(option -> option != null);
  }

  /** The file's scenarios that {@code --scenario} names (all without it), in file order. */
  private List<Scenario> selected(List<Scenario> all) {
    if (scenarioNames.isEmpty()) {
      return all;
    }
    Set<String> known = new LinkedHashSet<>(all.stream().map(Scenario::name).toList());
    for (String name : scenarioNames) {
      if (!known.contains(name)) {
        List<String> listed = known.stream().limit(NAMES_LISTED).toList();
        throw new IllegalArgumentException(
            "--scenario '"
                + name
                + "': "
                + scenariosFile
                + " has no scenario of that name; it has "
                + String.join(", ", listed)
                + (known.size() > NAMES_LISTED ? ", ... (" + known.size() + " in all)" : ""));
      }
    }
    return all.stream().filter(s -> scenarioNames.contains(s.name())).toList();
  }

  /** The scenario the {@code bench test} options describe, with its defaults. */
  private Scenario optionScenario() {
    Scenario.Builder builder =
        Scenario.builder()
            .name("bare")
            .description("bench bare")
            .phase("bare")
            .numInstances(processInstances != null ? processInstances : 10)
            .strategy(StrategyKind.fromId(workerStrategy != null ? workerStrategy : "async"))
            .workloadType(WorkloadKind.fromId(workloadType != null ? workloadType : "cpu"))
            .workDuration(workDurationSeconds != null ? workDurationSeconds : 1.0)
            .maxConcurrentJobs(maxConcurrentJobs != null ? maxConcurrentJobs : 10)
            .repeats(repeats != null ? repeats : 1)
            .jobTimeoutMs(ScenarioOptions.DEFAULT_JOB_TIMEOUT_MS)
            .jitterPct(jitterPct != null ? jitterPct : 0.0)
            .failureRate(failureRate != null ? failureRate : 0.0)
            .timeout(timeoutSeconds != null ? timeoutSeconds : 1);
    if (timeoutSeconds == null) {
      builder.timeout(ScenarioOptions.defaultTimeoutSeconds(builder.build()));
    }
    return builder.build();
  }

  /**
   * One scenario's row: the figures averaged over its repeats (NaN when none ran).
   *
   * @param strategy the strategy that ran, {@code auto/thread} when auto resolved to thread
   */
  record Row(
      String scenario,
      String strategy,
      String workload,
      int jobs,
      int concurrency,
      double workSeconds,
      int repeats,
      double idealSeconds,
      double totalSecondsMean,
      MetricSummary efficiency,
      double jobsPerSecondMean,
      double cpuSecondsMean,
      double startDelayP50MillisMean,
      double startDelayP99MillisMean,
      double warmupSeconds,
      RunStatus status,
      String error) {

    static Row of(BareResult result, boolean ctrlC) {
      ScenarioPlan plan = result.plan();
      Map<Metric, MetricSummary> s = result.summaries();
      String requested = plan.scenario().strategy().id();
      // a scenario cut short by Ctrl-C is interrupted, even if the interrupt surfaced as a failure
      RunStatus status =
          ctrlC && result.status() == RunStatus.FAILED ? RunStatus.INTERRUPTED : result.status();
      return new Row(
          result.name(),
          requested.equals(result.resolvedStrategy())
              ? requested
              : requested + "/" + result.resolvedStrategy(),
          plan.scenario().workloadType().id(),
          plan.numInstances(),
          plan.maxConcurrentJobs(),
          plan.workDuration().toNanos() / 1e9,
          result.repeats().size(),
          result.idealTimeSeconds(),
          mean(s, Metric.TOTAL_TIME),
          s.getOrDefault(Metric.EFFICIENCY, new MetricSummary(Double.NaN, Double.NaN, Double.NaN, 0, 0)),
          mean(s, Metric.JOBS_PER_SECOND),
          mean(s, Metric.CPU_SECONDS),
          mean(s, Metric.START_DELAY_P50),
          mean(s, Metric.START_DELAY_P99),
          result.warmupSeconds(),
          status,
          result.error());
    }

    private static double mean(Map<Metric, MetricSummary> summaries, Metric metric) {
      MetricSummary summary = summaries.get(metric);
      return summary == null ? Double.NaN : summary.avg();
    }
  }

  private static final String HEADER_FORMAT =
      "%-24s %-14s %-19s %5s %4s %6s %8s %8s %6s %6s %6s %8s %7s %9s  %s%n";
  private static final String ROW_FORMAT =
      "%-24s %-14s %-19s %5d %4d %6.3f %8.3f %8s %6s %6s %6s %8s %7s %9s  %s%n";

  private static void printHeader(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        HEADER_FORMAT,
        "Scenario",
        "Strategy",
        "Workload",
        "n",
        "c",
        "d(s)",
        "Ideal(s)",
        "Bare(s)",
        "Eff",
        "EffMin",
        "EffMax",
        "Jobs/s",
        "CPU(s)",
        "p99SD(ms)",
        "Status");
    out.flush();
  }

  private static void printRow(PrintWriter out, Row row) {
    out.printf(
        Locale.ROOT,
        ROW_FORMAT,
        row.scenario(),
        row.strategy(),
        row.workload(),
        row.jobs(),
        row.concurrency(),
        row.workSeconds(),
        row.idealSeconds(),
        figure("%.3f", row.totalSecondsMean()),
        figure("%.3f", row.efficiency().avg()),
        figure("%.3f", row.efficiency().min()),
        figure("%.3f", row.efficiency().max()),
        figure("%.2f", row.jobsPerSecondMean()),
        figure("%.2f", row.cpuSecondsMean()),
        figure("%.1f", row.startDelayP99MillisMean()),
        row.status().id());
    out.flush();
  }

  private static void printErrors(PrintWriter out, List<Row> rows) {
    for (Row row : rows) {
      if (row.error() != null) {
        out.println(row.scenario() + ": " + row.error());
      }
    }
  }

  private static String figure(String format, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
  }

  /** Writes the rows so far; false (after one line on stderr) when the file cannot be written. */
  private boolean save(PrintWriter err, List<Row> rows) {
    try {
      AtomicFile.replace(output, render(rows).getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      err.println(
          "bench bare: Expected to save the rows to "
              + output
              + ", but "
              + e
              + "; check the folder is writable and the disk has space");
      err.flush();
      return false;
    }
  }

  /** The rows as the {@code --output} file holds them: units in the names, NaN as null. */
  static String render(List<Row> rows) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", ResultsFile.TOOL);
    root.put("kind", "bare");
    root.put("created_at", Instant.now().toString());
    root.put("cores", Runtime.getRuntime().availableProcessors());
    ArrayNode array = root.putArray("rows");
    for (Row row : rows) {
      ObjectNode node = array.addObject();
      node.put("scenario", row.scenario());
      node.put("strategy", row.strategy());
      node.put("workload_type", row.workload());
      node.put("num_instances", row.jobs());
      node.put("max_concurrent_jobs", row.concurrency());
      number(node, "work_duration", row.workSeconds());
      node.put("repeats", row.repeats());
      node.put("status", row.status().id());
      if (row.error() != null) {
        node.put("error", row.error());
      }
      number(node, "ideal_time", row.idealSeconds());
      number(node, "total_time_mean", row.totalSecondsMean());
      number(node, "efficiency_mean", row.efficiency().avg());
      number(node, "efficiency_min", row.efficiency().min());
      number(node, "efficiency_max", row.efficiency().max());
      number(node, "jobs_per_second_mean", row.jobsPerSecondMean());
      number(node, "cpu_seconds_mean", row.cpuSecondsMean());
      number(node, "start_delay_p50_ms_mean", row.startDelayP50MillisMean());
      number(node, "start_delay_p99_ms_mean", row.startDelayP99MillisMean());
      number(node, "warmup_time", row.warmupSeconds());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a tree of plain nodes always renders", e);
    }
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }
}
