package io.github.workerbench.cli;

import io.github.workerbench.core.BenchmarkException;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench engine-bench}: the embedded engine's ceiling. In one JVM it starts the engine,
 * deploys a one-task process, creates N instances, then runs a no-op worker completing each job
 * without waiting for the answer ({@code send()} without join), and measures jobs per second
 * from worker start to the last completion counted by the engine. A warm-up run of the same size
 * goes first and is discarded. The last line is {@code jobs_per_second=<n>} (for {@code all}:
 * the last transport's figure).
 */
@Command(name = "engine-bench", description = "Measures the embedded engine's job throughput with a no-op worker.")
public final class EngineBenchCommand implements Callable<Integer> {

  private static final List<String> TRANSPORTS = List.of("grpc-stream", "grpc-poll", "rest");

  @Spec CommandSpec spec;

  @Option(names = "--transport", defaultValue = "grpc-stream", description = "rest, grpc-poll, grpc-stream or all; default ${DEFAULT-VALUE}")
  String transport;

  @Option(names = "--jobs", defaultValue = "10000", description = "jobs per measured run; default ${DEFAULT-VALUE}")
  int jobs;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (jobs < 1) {
      err.println("bench engine-bench: --jobs must be greater than 0, but was " + jobs);
      return BenchCli.EXIT_BAD_INPUT;
    }
    List<String> selected;
    if (transport.equals("all")) {
      selected = TRANSPORTS;
    } else if (TRANSPORTS.contains(transport)) {
      selected = List.of(transport);
    } else {
      err.println("bench engine-bench: --transport must be one of rest, grpc-poll, grpc-stream, all, but was '" + transport + "'");
      return BenchCli.EXIT_BAD_INPUT;
    }
    double last = 0;
    for (String t : selected) {
      try (EngineServer engine = EngineServer.start(EngineConfig.ephemeral())) {
        Figure warmUp = run(engine, t, "warmup");
        out.printf(Locale.ROOT, "%s warm-up (discarded): %.0f jobs/s%n", t, warmUp.jobsPerSecond());
        Figure measured = run(engine, t, "measured");
        last = measured.jobsPerSecond();
        out.printf(
            Locale.ROOT,
            "%s: %d jobs, %.0f jobs/s, %.1f ms CPU per 1000 jobs (whole process)%n",
            t,
            jobs,
            last,
            measured.cpuMillisPer1000Jobs());
        out.flush();
      }
    }
    out.printf(Locale.ROOT, "jobs_per_second=%.0f%n", last);
    out.flush();
    return 0;
  }

  /**
   * One run's figures. CPU time is the whole process's (engine and client together), which varies
   * less than wall-clock throughput on a shared machine.
   */
  private record Figure(double jobsPerSecond, double cpuMillisPer1000Jobs) {}

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private Figure run(EngineServer engine, String transport, String phase) throws InterruptedException {
    String type = "bench-" + phase;
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
            .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
            .preferRestOverGrpc(transport.equals("rest"))
            .defaultJobWorkerStreamEnabled(transport.equals("grpc-stream"))
            .numJobWorkerExecutionThreads(1)
            .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(type).startEvent().serviceTask("work", s -> s.zeebeJobType(type)).endEvent().done(),
              type + ".bpmn")
          .send()
          .join();
      List<CamundaFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        pending.add(client.newCreateInstanceCommand().bpmnProcessId(type).latestVersion().send());
        if (pending.size() == 500) {
          pending.forEach(CamundaFuture::join);
          pending.clear();
        }
      }
      pending.forEach(CamundaFuture::join);
      long completedBefore = engine.counters().jobsCompleted();
      // generous: even 100 jobs/s finishes well within it; a hang must not block forever
      Duration limit = Duration.ofSeconds(Math.max(60, jobs / 100));
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      try (JobWorker worker =
          client
              .newWorker()
              .jobType(type)
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send())
              .maxJobsActive(2000)
              .timeout(Duration.ofMinutes(5))
              .open()) {
        long deadline = start + limit.toNanos();
        long completed;
        while ((completed = engine.counters().jobsCompleted() - completedBefore) < jobs) {
          if (System.nanoTime() - deadline > 0) {
            throw new BenchmarkException(
                "Expected "
                    + jobs
                    + " jobs to complete over "
                    + transport
                    + " within "
                    + limit.toSeconds()
                    + " s, but "
                    + completed
                    + " did");
          }
          LockSupport.parkNanos(2_000_000);
        }
      }
      long elapsed = System.nanoTime() - start;
      long cpu = processCpuNanos() - cpuStart;
      return new Figure(jobs / (elapsed / 1e9), cpu / 1e6 / (jobs / 1000.0));
    }
  }
}
