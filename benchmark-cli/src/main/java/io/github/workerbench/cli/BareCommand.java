package io.github.workerbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.core.run.BareRepeatDriver;
import io.github.workerbench.core.run.RunListener;
import io.github.workerbench.core.run.ScenarioRunner;
import io.github.workerbench.core.run.Warmup;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ResultsHeader;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench bare [SCENARIOS.json] [--scenario NAME ...]}: each scenario's engine-free floor
 * ({@link BareRepeatDriver}), one table row per scenario; with {@code --output}, a results file in
 * the standard format ({@code engine} {@code bare}), written atomically after every scenario, so
 * {@code bench report} and {@code --baseline} read it. Without a file, one scenario from the
 * {@code bench test} options. Exit codes: 0 every scenario succeeded, 1 one failed (or the file
 * could not be written), 2 bad input (one line on stderr, nothing run), 130 after Ctrl-C (the
 * scenario stops, its row is printed and saved).
 */
@Command(
    name = "bare",
    mixinStandardHelpOptions = true,
    defaultValueProvider = ScenarioOptions.Single.class,
    description = {
      "Measures each scenario's engine-free floor: the same strategy, workload, durations and"
          + " failures as a run, fed jobs the instant a slot frees, with no engine or client.",
      "The gap to 'bench run' is what Camunda, acquisition and the harness cost.",
      "acquisition, transport and max_jobs_active are ignored (no engine, no client);"
          + " job_timeout_ms too (nothing times jobs out)."
    })
public final class BareCommand implements Callable<Integer> {

  /** The {@code engine} of a results file that {@code bench bare} wrote. */
  static final String ENGINE = "bare";

  private static final int NAMES_LISTED = 10;
  private static final String REPEATS = "--repeat-runs";

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

  @Mixin ScenarioOptions scenario;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write a results file here")
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
      return BenchCli.badInput(err, "bare", e.getMessage());
    }
    ResultsHeader header =
        new ResultsHeader(
            Instant.now(),
            scenariosFile != null ? scenariosFile.toString() : "bench bare",
            ENGINE,
            1.0);
    printHeader(out);
    List<JsonNode> saved = new ArrayList<>();
    StopOnCtrlC ctrlC = StopOnCtrlC.interruptingWork("bare");
    List<ScenarioResult> results;
    try (ScenarioRunner runner =
        new ScenarioRunner(
            new BareRepeatDriver(
                new DefaultWorkerFactory(),
                noWarmup ? Warmup.none() : Warmup.standard(),
                System::nanoTime),
            System::nanoTime,
            Clock.systemUTC(),
            RunListener.noop())) {
      results =
          ctrlC.runAll(
              runner::run,
              plans,
              result -> {
                printRow(out, result);
                if (output != null) {
                  saved.add(ResultsFile.toNode(result));
                  new ResultsFile(output).write(header, saved);
                }
              });
    } catch (UncheckedIOException e) {
      err.println("bench bare: " + e.getMessage());
      err.flush();
      return 1;
    } catch (RuntimeException e) {
      // a bug or an exhausted machine, not a measured outcome: one line
      err.println("bench bare: Expected to measure the scenarios, but " + e);
      err.flush();
      return 1;
    } finally {
      // Only now may a Ctrl-C exit proceed: the rows are printed and saved.
      ctrlC.close();
    }
    for (ScenarioResult result : results) {
      if (result.error() != null) {
        out.println(result.name() + ": " + result.error());
      }
    }
    if (output != null) {
      out.println("Results written to " + output);
    }
    out.flush();
    if (ctrlC.requested()) {
      return StopOnCtrlC.EXIT_INTERRUPTED;
    }
    return results.stream().allMatch(r -> r.status() == RunStatus.SUCCESS) ? 0 : 1;
  }

  /** The plans to measure; {@link IllegalArgumentException} naming the file, scenario or option. */
  private List<ScenarioPlan> plans() {
    if (output != null && Files.isDirectory(output)) {
      throw new IllegalArgumentException(
          output + ": --output is a directory; name a file such as bare.json");
    }
    List<String> given = ScenarioOptions.given(spec);
    List<Scenario> scenarios;
    if (scenariosFile == null) {
      if (!scenarioNames.isEmpty()) {
        throw new IllegalArgumentException(
            "--scenario picks scenarios of a file: give one (bench bare SCENARIOS.json --scenario "
                + scenarioNames.get(0)
                + ")");
      }
      scenarios = List.of(scenario.scenario("bare", "bare"));
    } else {
      if (given.stream().anyMatch(option -> !option.equals(REPEATS))) {
        throw new IllegalArgumentException(
            "give a scenario file or the scenario options (--process-instances, ...), not both");
      }
      scenarios = selected(ScenarioReader.read(scenariosFile));
      RunCommand.checkHandlers(scenariosFile, scenarios);
      if (given.contains(REPEATS)) {
        int repeats = scenario.repeatRuns;
        scenarios = scenarios.stream().map(s -> s.toBuilder().repeats(repeats).build()).toList();
      }
    }
    return scenarios.stream().map(ScenarioPlan::of).toList();
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

  /** One row: the figures averaged over the repeats ({@code -} when none ran). */
  private static void printRow(PrintWriter out, ScenarioResult result) {
    ScenarioPlan plan = result.plan();
    Map<Metric, MetricSummary> s = result.summaries();
    String requested = plan.scenario().strategy().id();
    MetricSummary efficiency = s.get(Metric.EFFICIENCY);
    out.printf(
        Locale.ROOT,
        ROW_FORMAT,
        result.name(),
        requested.equals(result.resolvedStrategy())
            ? requested
            : requested + "/" + result.resolvedStrategy(),
        plan.scenario().workloadType().id(),
        plan.numInstances(),
        plan.maxConcurrentJobs(),
        plan.workDuration().toNanos() / 1e9,
        IdealTime.perRepeat(plan, result.cores()).toNanos() / 1e9,
        mean(s, Metric.TOTAL_TIME, "%.3f"),
        efficiency == null ? "-" : figure("%.3f", efficiency.avg()),
        efficiency == null ? "-" : figure("%.3f", efficiency.min()),
        efficiency == null ? "-" : figure("%.3f", efficiency.max()),
        mean(s, Metric.JOBS_PER_SECOND, "%.2f"),
        mean(s, Metric.CPU_SECONDS, "%.2f"),
        mean(s, Metric.START_DELAY_P99, "%.1f"),
        result.status().id());
    out.flush();
  }

  private static String mean(Map<Metric, MetricSummary> summaries, Metric metric, String format) {
    MetricSummary summary = summaries.get(metric);
    return summary == null ? "-" : figure(format, summary.avg());
  }

  private static String figure(String format, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
  }
}
