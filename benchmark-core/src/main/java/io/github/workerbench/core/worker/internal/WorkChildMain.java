package io.github.workerbench.core.worker.internal;

import io.camunda.client.api.worker.JobClient;
import io.github.workerbench.core.handler.ActivatedJobs;
import io.github.workerbench.core.handler.CommandCapture;
import io.github.workerbench.core.handler.UserHandler;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.core.workload.Workload;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A long-lived child JVM of the {@code process} strategy. Line protocol over stdin/stdout, one
 * job at a time: it prints {@code ready} once started, then for each request line {@code
 * <workload-id> <duration-nanos> [<downstream-uri>]} does the work (blocking form; {@code http}
 * calls the downstream with one client of this child's) and answers {@code ok} or {@code error
 * <message>}. It exits when stdin closes.
 *
 * <p>Given {@value #HANDLER_OPTION} and a class, it runs that user's handler instead (its jar on
 * this JVM's class path): each {@code handle <job>} line runs the handler on a thread of its own,
 * with a client that forwards the handler's commands to the parent and completes their futures
 * with the parent's answers ({@link HandlerLines}), so a handler that waits for its completion
 * works as in production. The handler's own printing goes to stderr, never into the protocol.
 * Internal: not an API.
 */
public final class WorkChildMain {

  /** The option naming the user's handler class to run. */
  public static final String HANDLER_OPTION = "--handler";

  private WorkChildMain() {}

  /**
   * Serves work requests.
   *
   * @param args the parent's CPU calibration in iterations per second; then optionally {@value
   *     #HANDLER_OPTION} and the handler's class
   */
  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[1].equals(HANDLER_OPTION)) {
      serveHandler(args[2]);
      return;
    }
    CpuCalibration calibration = CpuCalibration.fixed(Double.parseDouble(args[0]));
    Map<WorkloadKind, Workload> workloads = new EnumMap<>(WorkloadKind.class);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    out.println("ready");
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String reply;
      try {
        String[] parts = line.trim().split(" ");
        WorkloadKind kind = WorkloadKind.fromId(parts[0]);
        Duration duration = Duration.ofNanos(Long.parseLong(parts[1]));
        URI downstream = parts.length > 2 ? URI.create(parts[2]) : null;
        workloads.computeIfAbsent(kind, k -> Workload.of(k, calibration, downstream)).run(duration);
        reply = "ok";
      } catch (Exception | LinkageError e) {
        // a missing class fails the job, not the child: the parent would restart it for nothing
        reply = "error " + (e.getMessage() != null ? e.getMessage() : e.toString()).replace('\n', ' ');
      }
      out.println(reply);
      out.flush();
    }
  }

  /** Runs the user's handler for each job the parent hands over, one at a time. */
  private static void serveHandler(String className) throws Exception {
    PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    // the handler may print: keep it out of the protocol
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    ConcurrentHashMap<String, CompletableFuture<Object>> pending =
        new ConcurrentHashMap<>();
    AtomicLong ids = new AtomicLong();
    Consumer<String> write =
        line -> {
          synchronized (protocol) {
            protocol.println(line);
            protocol.flush();
          }
        };
    UserHandler handler;
    try {
      handler = UserHandler.load(className, null);
    } catch (RuntimeException e) {
      write.accept("error " + e.getMessage());
      return;
    }
    JobClient client =
        CommandCapture.jobClient(
            command -> {
              String id = Long.toString(ids.incrementAndGet());
              CompletableFuture<Object> answer = new CompletableFuture<>();
              pending.put(id, answer);
              write.accept(HandlerLines.COMMAND + " " + id + " " + HandlerLines.token(command));
              return answer;
            });
    ExecutorService jobs =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("wb-child-handler").daemon(true).factory());
    write.accept("ready");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(HandlerLines.ACK + " ")) {
        String[] parts = line.split(" ", 4);
        CompletableFuture<Object> answer = pending.remove(parts[1]);
        if (answer != null) {
          if (parts[2].equals("ok")) {
            answer.complete(null);
          } else {
            answer.completeExceptionally(
                new IllegalStateException(parts.length > 3 ? HandlerLines.decode(parts[3]) : "refused"));
          }
        }
      } else if (line.startsWith(HandlerLines.HANDLE + " ")) {
        String job = line.substring(HandlerLines.HANDLE.length() + 1);
        jobs.execute(
            () -> {
              String done;
              try {
                handler.handleBlocking(client, ActivatedJobs.fromLine(job));
                done = HandlerLines.DONE_OK;
              } catch (Exception | Error e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                done = HandlerLines.DONE_ERROR + " " + HandlerLines.encode(message);
              }
              write.accept(done);
            });
      }
    }
    jobs.shutdownNow();
    handler.close();
  }
}
