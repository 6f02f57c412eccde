package io.github.workerbench.core.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.engine.EngineAccess;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.engine.auth.AuthMode;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.github.workerbench.model.scenario.TransportKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * The embedded engine's ceiling ({@code bench engine-bench}): in this JVM, a fresh engine per
 * transport, a one-task process, N instances created up front, then a no-op worker that completes
 * each job without waiting for the answer ({@code send()} without join); jobs per second from the
 * worker's start to the last completion the engine counts. A warm-up run of the same size goes
 * first and is discarded. CPU time is the whole process's (engine and client together), which
 * varies less than throughput on a shared machine.
 *
 * <p>With an {@link EngineAccess} that requires credentials the engine checks every call and the
 * client sends them as the Camunda client does against a cluster: basic on every call, or a
 * bearer token fetched from the engine's token endpoint (cached in a temporary file of the
 * measurement's own, deleted after it) and fetched again as it expires; with TLS both sides
 * encrypt. The figure then includes that cost, and the token requests are counted apart. Not
 * thread-safe: one measurement at a time.
 */
public final class EngineCeiling {

  /** The order {@code --transport all} measures the transports in. */
  public static final List<TransportKind> ALL =
      List.of(TransportKind.GRPC_STREAM, TransportKind.GRPC_POLL, TransportKind.REST);

  private static final int CREATION_BATCH = 500;

  private final int jobs;
  private final EngineAccess access;

  /**
   * A ceiling of {@code jobs} jobs per run on an open, plaintext engine.
   *
   * @throws IllegalArgumentException when {@code jobs} is not positive
   */
  public EngineCeiling(int jobs) {
    this(jobs, EngineAccess.open());
  }

  /**
   * A ceiling of {@code jobs} jobs per run on an engine with this access.
   *
   * @throws IllegalArgumentException when {@code jobs} is not positive
   */
  public EngineCeiling(int jobs, EngineAccess access) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be greater than 0, but was " + jobs);
    }
    this.jobs = jobs;
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * One run's figures.
   *
   * @param cpuMillisPer1000Jobs the whole process's CPU time per thousand jobs
   */
  public record Figure(double jobsPerSecond, double cpuMillisPer1000Jobs) {}

  /**
   * A transport's warm-up (discarded) and measured runs, of {@code jobs} jobs each.
   *
   * @param tokensIssued the tokens the engine issued over both runs (oauth; else 0): requests
   *     to the token endpoint, not counted in the jobs
   */
  public record Result(TransportKind transport, int jobs, Figure warmup, Figure measured, long tokensIssued) {}

  /**
   * Measures one transport on a fresh embedded engine.
   *
   * @throws BenchmarkException when the jobs do not complete within the limit
   */
  public Result measure(TransportKind transport) throws InterruptedException {
    Path cacheFolder = null;
    try (EngineServer engine = EngineServer.start(EngineConfig.builder().ephemeralPorts().access(access).build())) {
      if (access.auth() == AuthMode.OAUTH) {
        cacheFolder = Files.createTempDirectory("workerbench-engine-bench-");
      }
      Figure warmup = run(engine, transport, "warmup", cacheFolder);
      Figure measured = run(engine, transport, "measured", cacheFolder);
      return new Result(transport, jobs, warmup, measured, engine.tokensIssued());
    } catch (IOException e) {
      throw new UncheckedIOException("Expected a temporary folder for the client's token cache, but: " + e.getMessage(), e);
    } finally {
      deleteQuietly(cacheFolder);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try {
      Files.deleteIfExists(folder.resolve("credentials"));
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // a token of a stopped engine in a temporary folder
    }
  }

  /** A client of {@code engine} that sends the credentials its access asks for. */
  private CamundaClient client(EngineServer engine, TransportKind transport, Path cacheFolder) {
    CamundaClientBuilder builder =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(engine.grpcAddress())
            .restAddress(engine.restAddress())
            .preferRestOverGrpc(transport == TransportKind.REST)
            .defaultJobWorkerStreamEnabled(transport == TransportKind.GRPC_STREAM)
            .numJobWorkerExecutionThreads(1);
    if (engine.certificateFile() != null) {
      builder.caCertificatePath(engine.certificateFile().toString());
    }
    EngineCredentials credentials = access.credentials();
    switch (credentials.mode()) {
      case NONE -> {}
      case BASIC ->
          builder.credentialsProvider(
              CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                  .applyEnvironmentOverrides(false)
                  .username(credentials.id())
                  .password(credentials.secret())
                  .build());
      case OAUTH ->
          builder.credentialsProvider(
              CredentialsProvider.newCredentialsProviderBuilder()
                  .applyEnvironmentOverrides(false)
                  .clientId(credentials.id())
                  .clientSecret(credentials.secret())
                  .audience("zeebe-api")
                  .authorizationServerUrl(engine.tokenUrl())
                  .credentialsCachePath(cacheFolder.resolve("credentials").toString())
                  .build());
    }
    return builder.build();
  }

  private Figure run(EngineServer engine, TransportKind transport, String phase, Path cacheFolder)
      throws InterruptedException {
    String type = "bench-" + phase;
    try (CamundaClient client = client(engine, transport, cacheFolder)) {
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
