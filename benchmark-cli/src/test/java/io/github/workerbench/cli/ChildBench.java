package io.github.workerbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench} (or another main class) in a child JVM on the test class path, its stdout and stderr collected as they
 * come, so tests can signal or kill it as a user (or the OOM killer) would. Close kills it.
 */
final class ChildBench implements AutoCloseable {

  private final Process process;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final List<Thread> readers = new ArrayList<>();

  private ChildBench(Process process) {
    this.process = process;
    readers.add(Thread.ofVirtual().start(() -> collect(process.getInputStream(), stdout)));
    readers.add(Thread.ofVirtual().start(() -> collect(process.getErrorStream(), stderr)));
  }

  /** Starts {@code BenchCli} with these arguments and extra environment variables. */
  static ChildBench start(Map<String, String> environment, String... args) throws IOException {
    return startMain(BenchCli.class, environment, args);
  }

  /** Starts the {@code main} of another class on the test class path, as {@link #start} does. */
  static ChildBench startMain(Class<?> main, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command =
        ChildJava.command(
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return new ChildBench(builder.start());
  }

  Process process() {
    return process;
  }

  String stdout() {
    return stdout.toString();
  }

  String stderr() {
    return stderr.toString();
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  void interrupt() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
  }

  /** Waits for the exit and for the output to be read; the exit code. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the child did not exit within " + limit + "; stdout: " + stdout + " stderr: " + stderr);
    }
    for (Thread reader : readers) {
      reader.join(Duration.ofSeconds(5));
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    for (Thread reader : readers) {
      reader.join(Duration.ofSeconds(5));
    }
  }

  private static void collect(InputStream stream, StringBuffer into) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      lines.lines().forEach(line -> into.append(line).append('\n'));
    } catch (IOException e) {
      into.append("read failed: ").append(e);
    }
  }
}
