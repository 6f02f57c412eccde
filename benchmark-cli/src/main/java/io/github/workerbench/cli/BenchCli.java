package io.github.workerbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code ./bench} command line. Each verb is a subcommand class of its own; this class only
 * registers them and maps outcomes to exit codes: 0 done, 1 a measured failure, 2 bad input.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    version = "Worker Bench 0.1.0",
    description = "Benchmarks Camunda 8 job worker execution strategies.",
    subcommands = {
      EngineCommand.class,
      EngineImageCommand.class,
      EngineBenchCommand.class,
      GenerateCommand.class,
      RunCommand.class,
      TestCommand.class,
      BareCommand.class,
      BenchmarkCommand.class,
      BenchmarkWorkloadsCommand.class,
      ReportCommand.class
    })
public final class BenchCli {

  /** Exit code for input the user must fix: one line on stderr, nothing run or written. */
  public static final int EXIT_BAD_INPUT = 2;

  private BenchCli() {}

  /** Prints a user error as the one line the CLI promises and returns {@link #EXIT_BAD_INPUT}. */
  static int badInput(PrintWriter err, String verb, String message) {
    err.println("bench " + verb + ": " + message);
    err.flush();
    return EXIT_BAD_INPUT;
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, for tests to execute without exiting the JVM. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new BenchCli());
    commandLine.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("bench: " + ex.getMessage());
          return EXIT_BAD_INPUT;
        });
    return commandLine;
  }
}
