package io.github.workerbench.core.workload;

import io.github.workerbench.core.workload.internal.LockContentionMain;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link LockContentionMain} in a child JVM: 5 threads that each, 3 times, take one shared
 * lock, bump a counter, release it and sleep duration / 10. A non-zero exit fails the job, and
 * so does a child that has not exited within 5 × the duration (at least {@link
 * SubprocessWorkload#MIN_LIMIT}: a JVM start-up is not the work and must not trip short limits).
 *
 * <p>The child runs on the current {@code java} binary with only this module's classes on its
 * class path and flags that make its start-up cheap (class-data sharing, C1 only, serial GC, a
 * small heap and stacks). The non-blocking form waits through {@link Process#onExit()}.
 * Stateless, thread-safe.
 */
public final class ThreadedSubprocessWorkload implements Workload {

  private final List<String> launcher;
  private final List<String> extraArguments;

  public ThreadedSubprocessWorkload() {
    this(List.of());
  }

  /** With extra child arguments; tests use them to make the child exit non-zero. */
  ThreadedSubprocessWorkload(List<String> extraArguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xss256k",
            "-Xmx16m",
            "-cp",
            ChildClassPath.of(LockContentionMain.class),
            LockContentionMain.class.getName()));
    this.launcher = List.copyOf(command);
    this.extraArguments = List.copyOf(extraArguments);
  }

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.SUBPROCESS_THREADED;
  }


  @Override
  public void run(Duration duration) throws IOException, InterruptedException {
    SubprocessWorkload.ChildCommand.run(
        "the lock-contention child", command(duration), SubprocessWorkload.limit(duration));
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    return SubprocessWorkload.ChildCommand.runAsync(
        "the lock-contention child", command(duration), SubprocessWorkload.limit(duration));
  }

  private List<String> command(Duration duration) {
    List<String> command = new ArrayList<>(launcher);
    command.add(Long.toString(duration.toNanos() / 10));
    command.addAll(extraArguments);
    return command;
  }
}
