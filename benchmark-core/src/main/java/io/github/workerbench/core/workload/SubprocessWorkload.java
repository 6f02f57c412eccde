package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the external command {@code sleep <seconds>}. A non-zero exit fails the job, and so does
 * a child that has not exited within 5 × the duration (at least {@link #MIN_LIMIT}, so the fork
 * itself never trips it). The non-blocking form waits through {@link Process#onExit()}.
 * Stateless, thread-safe.
 */
public final class SubprocessWorkload implements Workload {

  /** The least time a child gets before it is killed and the job failed. */
  public static final Duration MIN_LIMIT = Duration.ofSeconds(3);

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.SUBPROCESS;
  }


  @Override
  public void run(Duration duration) throws IOException, InterruptedException {
    ChildCommand.run("sleep", command(duration), limit(duration));
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    return ChildCommand.runAsync("sleep", command(duration), limit(duration));
  }

  static Duration limit(Duration duration) {
    Duration fiveTimes = duration.multipliedBy(5);
    return fiveTimes.compareTo(MIN_LIMIT) < 0 ? MIN_LIMIT : fiveTimes;
  }

  private static List<String> command(Duration duration) {
    return List.of("sleep", String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9));
  }

  /** Starts a child, checks its exit and its time limit. */
  static final class ChildCommand {

    private ChildCommand() {}

    static void run(String label, List<String> command, Duration limit) throws IOException, InterruptedException {
      Process process = start(command);
      try {
        if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new WorkFailedException(timedOut(label, limit));
        }
        checkExit(label, process.exitValue());
      } finally {
        process.destroyForcibly();
      }
    }

    static CompletableFuture<Void> runAsync(
        String label, List<String> command, Duration limit) {
      Process process;
      try {
        process = start(command);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
      return process
          .onExit()
          .orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS)
          .handle(
              (exited, error) -> {
                if (error != null) {
                  process.destroyForcibly();
                  throw error instanceof TimeoutException
                      ? new WorkFailedException(timedOut(label, limit))
                      : new WorkFailedException(label + " failed", error);
                }
                checkExit(label, exited.exitValue());
                return null;
              });
    }

    private static Process start(List<String> command) throws IOException {
      return new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    }

    private static void checkExit(String label, int exitCode) {
      if (exitCode != 0) {
        throw new WorkFailedException(
            "Expected " + label + " to exit with 0, but it exited with " + exitCode);
      }
    }

    private static String timedOut(String label, Duration limit) {
      return "Expected " + label + " to exit within " + limit + ", but it did not";
    }

  }
}
