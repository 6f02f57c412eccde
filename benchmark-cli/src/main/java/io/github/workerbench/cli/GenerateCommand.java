package io.github.workerbench.cli;

import io.github.workerbench.generator.GenerationSummary;
import io.github.workerbench.generator.Suite;
import io.github.workerbench.generator.SuiteGenerator;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench generate --suite NAME}: writes a suite's scenarios as the guide's JSON list (and
 * optionally CSV) and prints the summary by phase and by strategy with the estimated time.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Writes a scenario suite as a JSON list (and optionally CSV).")
public final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--suite",
      required = true,
      paramLabel = "NAME",
      description = "minimal, quick, fast, full or extended")
  private String suite;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "The JSON file to write (default: scenarios_<suite>.json)")
  private Path output;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the scenarios as CSV")
  private Path csv;

  @Option(names = "--quiet", description = "Print nothing but errors")
  private boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Suite chosen;
    try {
      chosen = Suite.fromId(suite);
    } catch (IllegalArgumentException e) {
      err.println("bench generate: --suite: " + e.getMessage());
      return BenchCli.EXIT_BAD_INPUT;
    }
    List<Scenario> scenarios = SuiteGenerator.generate(chosen);
    Path json = output != null ? output : Path.of("scenarios_" + chosen.id() + ".json");
    try {
      ScenarioWriter.writeJson(scenarios, json);
      if (csv != null) {
        ScenarioWriter.writeCsv(scenarios, csv);
      }
    } catch (UncheckedIOException e) {
      err.println("bench generate: " + e.getMessage());
      return BenchCli.EXIT_BAD_INPUT;
    }
    if (!quiet) {
      out.print(
          GenerationSummary.render(
              "suite " + chosen.id(), scenarios, Runtime.getRuntime().availableProcessors()));
      out.println("Wrote " + json + (csv != null ? " and " + csv : ""));
      out.flush();
    }
    return 0;
  }
}
