package io.github.workerbench.core.worker;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.metrics.ProcessSampler;
import io.github.workerbench.core.metrics.ProcessUsage;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.result.BareResult;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a scenario's engine-free floor: the best this machine does for the scenario's work with
 * no engine and no client, so that the gap to {@code bench run} shows what acquisition, the engine
 * and the harness cost, and the floor itself what the work costs.
 *
 * <p>Per repeat: the plan's strategy and job execution are made by {@link DefaultWorkerFactory}
 * itself (same workload, same balanced durations and jitter, same failure schedule, same CPU
 * calibration); a {@link BareFeeder} stands in for the engine, handing the n jobs over at
 * concurrency c the instant a slot frees and answering complete and fail at once; a {@link
 * RunRecorder} observes the jobs. The window opens at the first hand-over and closes at the last
 * completion; child JVM start-up and the CPU calibration come before it and are reported as
 * start-up. CPU seconds are this JVM's over the window ({@link ProcessSampler}; the CPU of child
 * processes is not included). Ideal time is {@link IdealTime}'s, as in a run, and efficiency is
 * ideal × completed / n / total, so a partial repeat is credited only with the jobs it completed.
 *
 * <p>Failing handlers are measured (failed jobs, retried after the worker's backoff; incidents),
 * never thrown. A repeat fails when it does not end within the plan's timeout, when a job raised
 * an incident (a run would wait for it until its timeout), or when the strategy cannot start;
 * the first repeat that does not succeed ends the scenario. An interrupt ends it as interrupted.
 *
 * <p>Warm-up (when on): before the first scenario of each strategy and workload, one unmeasured
 * repeat of it runs and is discarded, so no window measures the JIT compiling the strategy's and
 * the workload's code; its time is reported as {@link BareResult#warmupSeconds()}.
 *
 * <p>Not thread-safe: run one scenario at a time. Reuse one runner for many scenarios, so the CPU
 * calibration is measured once.
 */
public final class BareRunner {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.worker");

  private final CpuCalibration calibration;
  private final DefaultWorkerFactory factory;
  private final LongSupplier nanoClock;
  private final boolean warmUp;
  private final int cores;
  private final Set<String> warmed = new HashSet<>();

  /**
   * A runner with a lazily measured calibration, at most 2 × cores child JVMs, system time.
   *
   * @param warmUp whether the first scenario of each strategy and workload gets an unmeasured
   *     repeat first
   */
  public BareRunner(boolean warmUp) {
    this(
        CpuCalibration.lazy(),
        2 * Runtime.getRuntime().availableProcessors(),
        System::nanoTime,
        warmUp);
  }

  /** A runner without warm-up; see {@link #BareRunner(CpuCalibration, int, LongSupplier, boolean)}. */
  public BareRunner(CpuCalibration calibration, int maxChildProcesses, LongSupplier nanoClock) {
    this(calibration, maxChildProcesses, nanoClock, false);
  }

  /**
   * A runner.
   *
   * @param calibration the CPU calibration for cpu work and the process strategy's children
   * @param maxChildProcesses the most child JVMs the process strategy starts
   * @param nanoClock the clock of every measured time, in nanoseconds
   * @param warmUp whether the first scenario of each strategy and workload gets an unmeasured
   *     repeat first
   * @throws IllegalArgumentException when {@code maxChildProcesses} is not positive
   */
  public BareRunner(
      CpuCalibration calibration, int maxChildProcesses, LongSupplier nanoClock, boolean warmUp) {
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    this.factory = new DefaultWorkerFactory(calibration, maxChildProcesses);
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.warmUp = warmUp;
    this.cores = Runtime.getRuntime().availableProcessors();
  }

  /** Runs every repeat of the plan; never throws for failing jobs or a strategy that cannot start. */
  public BareResult run(ScenarioPlan plan) {
    double idealSeconds = IdealTime.perRepeat(plan, cores).toNanos() / 1e9;
    List<RepeatMetrics> repeats = new ArrayList<>();
    String resolvedStrategy = plan.scenario().strategy().id();
    double startupSeconds = 0;
    RunStatus status = RunStatus.SUCCESS;
    String error = null;
    double warmupSeconds = 0;
    String kind = plan.scenario().strategy().id() + "/" + plan.scenario().workloadType().id();
    if (warmUp && warmed.add(kind)) {
      long start = nanoClock.getAsLong();
      Repeat discarded = runRepeat(plan, 0, idealSeconds);
      warmupSeconds = (nanoClock.getAsLong() - start) / 1e9;
      LOG.debug("Warmed up {} in {} s: {}", kind, warmupSeconds, discarded.metrics().status());
    }
    for (int repeat = 1; repeat <= plan.scenario().repeats(); repeat++) {
      if (Thread.currentThread().isInterrupted()) {
        status = RunStatus.INTERRUPTED;
        error = "interrupted before repeat " + repeat;
        break;
      }
      Repeat outcome = runRepeat(plan, repeat, idealSeconds);
      repeats.add(outcome.metrics());
      if (outcome.resolvedStrategy() != null) {
        resolvedStrategy = outcome.resolvedStrategy();
      }
      startupSeconds += outcome.startupSeconds();
      if (outcome.metrics().status() != RunStatus.SUCCESS) {
        status = outcome.metrics().status();
        error =
            plan.scenario().repeats() == 1
                ? outcome.metrics().error()
                : "repeat " + repeat + ": " + outcome.metrics().error();
        break;
      }
    }
    return new BareResult(
        plan,
        status,
        error,
        resolvedStrategy,
        cores,
        idealSeconds,
        repeats.isEmpty() ? 0 : startupSeconds / repeats.size(),
        warmupSeconds,
        repeats);
  }

  private Repeat runRepeat(ScenarioPlan plan, int repeat, double idealSeconds) {
    int jobs = plan.numInstances();
    RepeatMetrics.Builder metrics =
        RepeatMetrics.builder(repeat).expectedJobs(jobs).idealTimeSeconds(idealSeconds);
    RunRecorder recorder = new RunRecorder(jobs);
    Duration calibrationBefore = calibration.measuringTime();
    try (BareFeeder feeder = new BareFeeder(plan, recorder, nanoClock)) {
      ExecutionStrategy strategy;
      try {
        JobExecution execution =
            factory.execution(plan, feeder, JobObserver.both(recorder, feeder.endings()), nanoClock);
        strategy = factory.strategy(plan, execution);
      } catch (BenchmarkException | IllegalArgumentException e) {
        LOG.debug("Bare repeat {} of '{}' could not start", repeat, plan.name(), e);
        return new Repeat(
            metrics.status(RunStatus.FAILED).error(e.getMessage()).build(), null, 0);
      }
      Duration startup =
          strategy.startupTime().plus(calibration.measuringTime().minus(calibrationBefore));
      ProcessSampler sampler = new ProcessSampler();
      ProcessUsage usage;
      RunRecorder.Snapshot snapshot;
      long waitEnd;
      RunStatus status = RunStatus.SUCCESS;
      String error = null;
      try {
        sampler.start();
        feeder.start(strategy);
        try {
          if (!feeder.awaitAllEnded(plan.timeout())) {
            status = RunStatus.FAILED;
            error =
                String.format(
                    Locale.ROOT,
                    "Expected %d jobs to end within %.1f s, but %d did",
                    jobs,
                    plan.timeout().toNanos() / 1e9,
                    feeder.endedCount());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          status = RunStatus.INTERRUPTED;
          error = "interrupted after " + recorder.completedCount() + " of " + jobs + " jobs";
        }
        waitEnd = nanoClock.getAsLong();
        snapshot = recorder.snapshot();
        usage = sampler.stop();
      } finally {
        feeder.close();
        strategy.close();
      }
      if (status == RunStatus.SUCCESS && snapshot.incidents() > 0) {
        status = RunStatus.FAILED;
        error =
            String.format(
                Locale.ROOT,
                "Expected %d jobs to complete, but %d did: %d ran out of their %d retries and"
                    + " raised incidents",
                jobs,
                snapshot.completed(),
                snapshot.incidents(),
                ScenarioPlan.JOB_RETRIES);
      }
      metrics.status(status).error(error);
      fill(metrics, snapshot, usage, waitEnd);
      return new Repeat(metrics.build(), strategy.id(), startup.toNanos() / 1e9);
    }
  }

  /** The repeat's figures, as a run computes them (window from the first hand-over). */
  private static void fill(
      RepeatMetrics.Builder metrics,
      RunRecorder.Snapshot snapshot,
      ProcessUsage usage,
      long waitEnd) {
    usage.applyTo(snapshot.applyTo(metrics));
    long start = snapshot.firstActivationNanos();
    if (start < 0) {
      return;
    }
    long end = snapshot.lastCompletionNanos() >= 0 ? snapshot.lastCompletionNanos() : waitEnd;
    metrics.window(Math.max(0, end - start) / 1e9);
  }

  private record Repeat(RepeatMetrics metrics, String resolvedStrategy, double startupSeconds) {}
}
