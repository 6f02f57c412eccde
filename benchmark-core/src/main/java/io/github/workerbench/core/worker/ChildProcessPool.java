package io.github.workerbench.core.worker;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.worker.internal.WorkChildMain;
import io.github.workerbench.core.workload.ChildClassPath;
import io.github.workerbench.core.workload.WorkFailedException;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-lived child JVMs running {@link WorkChildMain}, each serving one job at a time over its
 * stdin/stdout. A caller borrows an idle child, sends one request line, reads one reply line.
 * When a child dies mid-job, the job's work fails and a replacement child is started in the
 * background, so the pool keeps its size. Thread-safe.
 */
final class ChildProcessPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.worker");
  private static final Duration START_LIMIT = Duration.ofSeconds(30);

  private final List<String> command;
  private final BlockingQueue<Child> idle = new LinkedBlockingQueue<>();
  private final List<Child> all = new CopyOnWriteArrayList<>();
  private final Duration startupTime;
  private volatile boolean closed;

  private static final class Child {
    final Process process;
    final Writer requests;
    final BufferedReader replies;

    Child(Process process) {
      this.process = process;
      this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.replies =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Starts {@code size} children at once and waits until every one is ready.
   *
   * @throws BenchmarkException when a child cannot start
   */
  ChildProcessPool(int size, double cpuIterationsPerSecond) {
    this.command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xss512k",
            "-Xmx64m",
            "-cp",
            ChildClassPath.of(WorkChildMain.class, WorkloadKind.class),
            WorkChildMain.class.getName(),
            String.format(Locale.ROOT, "%.1f", cpuIterationsPerSecond));
    long start = System.nanoTime();
    List<CompletableFuture<Child>> starting = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      starting.add(CompletableFuture.supplyAsync(this::startChild, Thread::startVirtualThread));
    }
    try {
      for (CompletableFuture<Child> child : starting) {
        idle.add(child.join());
      }
    } catch (RuntimeException e) {
      starting.forEach(f -> f.thenAccept(c -> c.process.destroyForcibly()));
      throw new BenchmarkException(
          "Expected to start " + size + " child JVMs for the process strategy, but "
              + e.getMessage() + "; check that " + command.get(0) + " runs",
          e);
    }
    this.startupTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /** The wall time from the first child's launch until every child was ready. */
  Duration startupTime() {
    return startupTime;
  }

  /**
   * Does one job's work in an idle child, waiting for one to be free.
   *
   * @throws WorkFailedException when the work failed or the child died doing it
   * @throws InterruptedException when interrupted while waiting
   */
  void run(WorkloadKind kind, Duration duration) throws InterruptedException {
    Child child = idle.poll(START_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
    if (child == null) {
      throw new WorkFailedException("Expected an idle child JVM within " + START_LIMIT + ", but none");
    }
    String reply;
    try {
      child.requests.write(kind.id() + " " + duration.toNanos() + "\n");
      child.requests.flush();
      reply = child.replies.readLine();
    } catch (IOException e) {
      reply = null;
    }
    if (reply == null) {
      replace(child);
      throw new WorkFailedException("the child JVM " + child.process.pid() + " died during the job");
    }
    idle.add(child);
    if (!reply.equals("ok")) {
      throw new WorkFailedException(reply.startsWith("error ") ? reply.substring(6) : reply);
    }
  }

  /** The children's process handles, for tests and diagnostics. */
  List<ProcessHandle> children() {
    return all.stream().map(c -> c.process.toHandle()).toList();
  }

  private void replace(Child dead) {
    dead.process.destroyForcibly();
    all.remove(dead);
    if (closed) {
      return;
    }
    Thread.ofPlatform()
        .name("wb-child-replacer")
        .daemon(true)
        .start(
            () -> {
              try {
                Child fresh = startChild();
                if (closed) {
                  fresh.process.destroyForcibly();
                } else {
                  idle.add(fresh);
                }
              } catch (RuntimeException e) {
                LOG.warn("Could not replace a dead child JVM: {}", e.getMessage());
              }
            });
  }

  private Child startChild() {
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Child child = new Child(process);
      all.add(child);
      String first = child.replies.readLine();
      if (!"ready".equals(first)) {
        process.destroyForcibly();
        all.remove(child);
        throw new IllegalStateException("a child JVM answered '" + first + "' instead of 'ready'");
      }
      return child;
    } catch (IOException e) {
      throw new IllegalStateException("a child JVM could not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Child child : all) {
      try {
        child.requests.close();
      } catch (IOException e) {
        // already gone
      }
    }
    for (Child child : all) {
      try {
        if (!child.process.waitFor(1, TimeUnit.SECONDS)) {
          child.process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        child.process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    all.clear();
    idle.clear();
  }
}
