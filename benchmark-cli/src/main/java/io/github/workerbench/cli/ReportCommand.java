package io.github.workerbench.cli;

import io.github.workerbench.report.BaselineComparison;
import io.github.workerbench.report.CsvReport;
import io.github.workerbench.report.HtmlReport;
import io.github.workerbench.report.ReportInputException;
import io.github.workerbench.report.Reports;
import io.github.workerbench.report.ResultsData;
import io.github.workerbench.report.ResultsReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench report RESULTS.json [--html FILE] [--csv FILE] [--baseline OLD.json]
 * [--max-regression PCT]}: prints the summary and key-question answers of a results file, writes
 * the HTML and CSV reports, and compares with a baseline. Exit codes: 0 done, 1 a scenario
 * regressed past the threshold (or failed where the baseline succeeded), 2 bad input (one line
 * on stderr). All rendering is the {@code reports} module's; this class only wires it.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Summarizes a results file; writes HTML/CSV reports; compares with a baseline.")
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULTS.json", description = "The results file to report on.")
  Path results;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the one-file HTML report here.")
  Path html;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write one CSV row per result here.")
  Path csv;

  @Option(names = "--baseline", paramLabel = "OLD.json", description = "Compare with this earlier results file.")
  Path baseline;

  @Option(
      names = "--max-regression",
      paramLabel = "PCT",
      defaultValue = "10",
      description = "Throughput drop in percent that fails the baseline gate (default: ${DEFAULT-VALUE}).")
  double maxRegression;

  @Override
  public Integer call() {
    // Render into a buffer, then hand it to picocli's writers, so tests can capture it.
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } finally {
      spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      err.flush();
    }
  }

  private int run(PrintStream out, PrintWriter err) {
    if (!(maxRegression >= 0) || Double.isInfinite(maxRegression)) {
      err.println("bench report: --max-regression must be a percentage of 0 or more, but was "
          + maxRegression);
      return BenchCli.EXIT_BAD_INPUT;
    }
    ResultsData current;
    ResultsData old = null;
    try {
      current = ResultsReader.read(results);
      if (baseline != null) {
        old = ResultsReader.read(baseline);
      }
    } catch (ReportInputException badInput) {
      err.println("bench report: " + badInput.getMessage());
      return BenchCli.EXIT_BAD_INPUT;
    }
    Reports.consoleSummary(current, out);
    try {
      if (html != null) {
        HtmlReport.write(current, html);
        out.println();
        out.println("HTML report: " + html);
      }
      if (csv != null) {
        CsvReport.write(current, csv);
        out.println("CSV report: " + csv);
      }
    } catch (IOException cannotWrite) {
      err.println("bench report: Expected to write the report, but " + cannotWrite.getMessage()
          + " (" + cannotWrite.getClass().getSimpleName() + ")");
      return BenchCli.EXIT_BAD_INPUT;
    }
    if (old != null) {
      BaselineComparison comparison = BaselineComparison.compare(current, old, maxRegression);
      comparison.print(out);
      if (comparison.hasRegression()) {
        return 1;
      }
    }
    return 0;
  }
}
