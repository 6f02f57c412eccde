package io.github.workerbench.core.worker;

import io.github.workerbench.core.BenchmarkException;
import io.camunda.client.api.worker.JobClient;
import io.github.workerbench.core.handler.ActivatedJobs;
import io.github.workerbench.core.handler.UserHandler;
import io.github.workerbench.core.worker.internal.HandlerLines;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-lived child JVMs running {@link WorkChildMain}, each serving one job at a time over its
 * stdin/stdout. A caller borrows an idle child, sends one request line, reads one reply line; for
 * a user's handler it reads the handler's commands too, sends them with the parent's client and
 * writes their answers back ({@link HandlerLines}), so only the parent talks to the engine.
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

    /** Writes one line to the child; serialized, as answers to a handler's commands come from any thread. */
    synchronized void send(String line) throws IOException {
      requests.write(line + "\n");
      requests.flush();
    }
  }

  /**
   * Starts {@code size} children at once and waits until every one is ready.
   *
   * @throws BenchmarkException when a child cannot start
   */
  ChildProcessPool(int size, double cpuIterationsPerSecond) {
    this(size, cpuIterationsPerSecond, null);
  }

  /**
   * Starts {@code size} children at once, each running {@code handler} (a user's; {@code null}
   * for the harness's own work), and waits until every one is ready. A handler's children get
   * this JVM's whole class path and the handler's jar, and a larger heap, as a user's worker.
   *
   * @throws BenchmarkException when a child cannot start
   */
  ChildProcessPool(int size, double cpuIterationsPerSecond, UserHandler handler) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k"));
    if (handler == null) {
      command.addAll(
          List.of("-Xmx64m", "-cp", ChildClassPath.of(WorkChildMain.class, WorkloadKind.class)));
    } else {
      command.addAll(List.of("-Xmx256m", "-cp", handlerClassPath(handler)));
    }
    command.add(WorkChildMain.class.getName());
    command.add(String.format(Locale.ROOT, "%.1f", cpuIterationsPerSecond));
    if (handler != null) {
      command.addAll(List.of(WorkChildMain.HANDLER_OPTION, handler.className()));
    }
    this.command = List.copyOf(command);
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

  private static String handlerClassPath(UserHandler handler) {
    List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
    if (!handler.classpath().equals(UserHandler.HARNESS_CLASS_PATH)) {
      UserHandler.entries(handler.classpath())
          .forEach(entry -> entries.add(Path.of(entry).toAbsolutePath().toString()));
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /**
   * Runs a user's handler for {@code job} in an idle child, waiting for one to be free: the child
   * gets the job, and each command its handler sends is sent here through {@code client}, the
   * answer written back to the child, until the child says the handler returned.
   *
   * @throws WorkFailedException when the handler threw (its message) or the child died
   * @throws InterruptedException when interrupted while waiting for a child
   */
  void runHandler(Job job, JobClient client) throws InterruptedException {
    Child child = idle.poll(START_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
    if (child == null) {
      throw new WorkFailedException("Expected an idle child JVM within " + START_LIMIT + ", but none");
    }
    try {
      child.send(HandlerLines.HANDLE + " " + ActivatedJobs.toLine(job.forHandler()));
      while (true) {
        String line = child.replies.readLine();
        if (line == null) {
          throw new IOException("end of the child's output");
        }
        if (line.startsWith(HandlerLines.COMMAND + " ")) {
          forward(child, line, client);
        } else if (line.equals(HandlerLines.DONE_OK)) {
          idle.add(child);
          return;
        } else if (line.startsWith(HandlerLines.DONE_ERROR + " ")) {
          idle.add(child);
          throw new WorkFailedException(HandlerLines.decode(line.substring(HandlerLines.DONE_ERROR.length() + 1)));
        }
      }
    } catch (IOException e) {
      replace(child);
      throw new WorkFailedException("the child JVM " + child.process.pid() + " died during the job");
    }
  }

  /** Sends a child's command with {@code client}; its answer goes back to the child when it comes. */
  private static void forward(Child child, String line, JobClient client) {
    String[] parts = line.split(" ", 3);
    String id = parts[1];
    CompletionStage<?> sent;
    try {
      sent = HandlerLines.send(HandlerLines.command(parts[2]), client);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (ignored, error) -> {
          try {
            child.send(
                HandlerLines.ACK + " " + id + " "
                    + (error == null ? "ok" : "error " + HandlerLines.encode(String.valueOf(error.getMessage()))));
          } catch (IOException gone) {
            // the child died; its job's run fails on the reading side
          }
        });
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
  void run(WorkloadKind kind, Duration duration, URI downstream) throws InterruptedException {
    Child child = idle.poll(START_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
    if (child == null) {
      throw new WorkFailedException("Expected an idle child JVM within " + START_LIMIT + ", but none");
    }
    String reply;
    try {
      child.send(kind.id() + " " + duration.toNanos() + (downstream == null ? "" : " " + downstream));
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
