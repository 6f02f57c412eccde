package io.github.workerbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code bench} command line in the test's JVM, with its exit code and what it
 * printed to standard output and standard error.
 */
record BenchRun(int exitCode, String out, String err) {

  /** Runs {@code bench} with these arguments, capturing both streams. */
  static BenchRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new BenchRun(exitCode, out.toString(), err.toString());
  }
}
