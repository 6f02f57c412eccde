package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.engine.EngineCeiling;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.core.worker.JobSource;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.core.worker.WorkerSetup;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.lang.management.ManagementFactory;

/**
 * The harness's own ceiling, next to the engine's ({@code bench engine-bench}): the same jobs as
 * {@link EngineCeiling} through the path every scenario's jobs take, with jobs that do no work.
 * In this JVM, a fresh embedded engine per transport, a one-task process and N instances created
 * up front, then the worker a scenario would start — the client as the runner builds it ({@link
 * ClientConfig}), {@code direct} activation, the {@code virtual} strategy, the job execution that
 * reports each completion and waits for it, the {@link RunRecorder} — at most {@value
 * #CONCURRENCY} jobs in work. Jobs per second and the whole process's CPU per job from the worker's
 * start to the last completion; a warm-up run of the same size goes first and is discarded.
 *
 * <p>The engine's ceiling completes each job from a no-op JobWorker handler without waiting and
 * records nothing: the difference between the two CPU figures per job is what the harness's path
 * adds. Not thread-safe: one measurement at a time.
 */
public final class HarnessCeiling {

  /** The most jobs in work, as the engine's ceiling's JobWorker holds at most 2,000. */
  public static final int CONCURRENCY = 2_000;

  private final int jobs;

  /**
   * A ceiling of {@code jobs} jobs per run.
   *
   * @throws IllegalArgumentException when {@code jobs} is not positive
   */
  public HarnessCeiling(int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be greater than 0, but was " + jobs);
    }
    this.jobs = jobs;
  }

  /** A transport's warm-up (discarded) and measured runs, of {@code jobs} jobs each. */
  public record Result(
      TransportKind transport, int jobs, EngineCeiling.Figure warmup, EngineCeiling.Figure measured) {

    /** The measured run's CPU per job of the whole process, in microseconds. */
    public double cpuMicrosPerJob() {
      return measured.cpuMillisPer1000Jobs();
    }
  }

  /**
   * Measures one transport on a fresh embedded engine.
   *
   * @throws BenchmarkException when the jobs do not complete within the limit
   */
  public Result measure(TransportKind transport) throws InterruptedException {
    try (EmbeddedEngine engine = new EmbeddedEngine()) {
      engine.start();
      ScenarioPlan plan = plan(transport);
      try (CamundaClient client = ClientConfig.of(plan).newClient(engine)) {
        EngineCeiling.Figure warmup = run(client, plan, "warmup");
        EngineCeiling.Figure measured = run(client, plan, "measured");
        return new Result(transport, jobs, warmup, measured);
      }
    }
  }

  private ScenarioPlan plan(TransportKind transport) {
    // generous: even 100 jobs/s finishes well within it; a hang must not block forever
    double limitSeconds = Math.max(60, jobs / 100.0);
    return ScenarioPlan.of(
        Scenario.builder()
            .name("harness-ceiling")
            .phase("engine_bench")
            .description("bench engine-bench: the harness's path with jobs that do no work")
            .numInstances(jobs)
            .strategy(StrategyKind.VIRTUAL)
            .workloadType(WorkloadKind.SLEEP)
            .workDuration(0.001)
            .maxConcurrentJobs(CONCURRENCY)
            .repeats(1)
            .timeout(limitSeconds)
            .jobTimeoutMs(300_000)
            .transport(transport)
            .acquisition(AcquisitionKind.DIRECT)
            .build());
  }

  private EngineCeiling.Figure run(CamundaClient client, ScenarioPlan plan, String phase)
      throws InterruptedException {
    String type = EngineRepeatDriver.isolationId("harness-" + phase, 0);
    ServiceTaskProcess.deploy(client, type);
    RunRecorder recorder = new RunRecorder(jobs, CONCURRENCY);
    new InstanceCreator(System::nanoTime)
        .create(
            jobs,
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(type)
                    .latestVersion()
                    .send()
                    .thenApply(ProcessInstanceEvent::getProcessInstanceKey),
            recorder::instanceCreated,
            plan.timeout());
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long cpu;
    try (RunningWorker worker =
        DefaultWorkerFactory.withoutWork()
            .start(
                new WorkerSetup(
                    plan, type, JobSource.client(client), recorder, System::nanoTime, false))) {
      boolean allCompleted = recorder.awaitAllCompleted(plan.timeout());
      cpu = processCpuNanos() - cpuStart;
      if (!allCompleted) {
        throw new BenchmarkException(
            "Expected "
                + jobs
                + " jobs to complete through the harness over "
                + plan.transport().id()
                + " within "
                + plan.timeout().toSeconds()
                + " s, but "
                + recorder.completedCount()
                + " did");
      }
    }
    long last = recorder.snapshot().lastCompletionNanos();
    double seconds = Math.max(1, (last > 0 ? last : System.nanoTime()) - start) / 1e9;
    return new EngineCeiling.Figure(jobs / seconds, cpu / 1e6 / (jobs / 1000.0));
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
