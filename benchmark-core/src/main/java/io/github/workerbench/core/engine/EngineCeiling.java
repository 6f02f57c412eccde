package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.model.scenario.TransportKind;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The embedded engine's ceiling ({@code bench engine-bench}): in this JVM, a fresh engine per
 * transport, a one-task process, N instances created up front, then a no-op worker that completes
 * each job without waiting for the answer ({@code send()} without join); jobs per second from the
 * worker's start to the last completion the engine counts. A warm-up run of the same size goes
 * first and is discarded. CPU time is the whole process's (engine and client together), which
 * varies less than throughput on a shared machine. Not thread-safe: one measurement at a time.
 */
public final class EngineCeiling {

  /** The order {@code --transport all} measures the transports in. */
  public static final List<TransportKind> ALL =
      List.of(TransportKind.GRPC_STREAM, TransportKind.GRPC_POLL, TransportKind.REST);

  private static final int CREATION_BATCH = 500;

  private final int jobs;

  /**
   * A ceiling of {@code jobs} jobs per run.
   *
   * @throws IllegalArgumentException when {@code jobs} is not positive
   */
  public EngineCeiling(int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be greater than 0, but was " + jobs);
    }
    this.jobs = jobs;
  }

  /**
   * One run's figures.
   *
   * @param cpuMillisPer1000Jobs the whole process's CPU time per thousand jobs
   */
  public record Figure(double jobsPerSecond, double cpuMillisPer1000Jobs) {}

  /** A transport's warm-up (discarded) and measured runs, of {@code jobs} jobs each. */
  public record Result(TransportKind transport, int jobs, Figure warmup, Figure measured) {}

  /**
   * Measures one transport on a fresh embedded engine.
   *
   * @throws BenchmarkException when the jobs do not complete within the limit
   */
  public Result measure(TransportKind transport) throws InterruptedException {
    try (EngineServer engine = EngineServer.start(EngineConfig.ephemeral())) {
      Figure warmup = run(engine, transport, "warmup");
      Figure measured = run(engine, transport, "measured");
      return new Result(transport, jobs, warmup, measured);
    }
  }

  private Figure run(EngineServer engine, TransportKind transport, String phase)
      throws InterruptedException {
    String type = "bench-" + phase;
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
            .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
            .preferRestOverGrpc(transport == TransportKind.REST)
            .defaultJobWorkerStreamEnabled(transport == TransportKind.GRPC_STREAM)
            .numJobWorkerExecutionThreads(1)
            .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(type)
                  .startEvent()
                  .serviceTask("work", s -> s.zeebeJobType(type))
                  .endEvent()
                  .done(),
              type + ".bpmn")
          .send()
          .join();
      List<CamundaFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        pending.add(client.newCreateInstanceCommand().bpmnProcessId(type).latestVersion().send());
        if (pending.size() == CREATION_BATCH) {
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
                    + transport.id()
                    + " within "
                    + limit.toSeconds()
                    + " s, but "
                    + completed
                    + " did");
          }
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
          LockSupport.parkNanos(2_000_000);
        }
      }
      long elapsed = System.nanoTime() - start;
      long cpu = processCpuNanos() - cpuStart;
      return new Figure(jobs / (elapsed / 1e9), cpu / 1e6 / (jobs / 1000.0));
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
