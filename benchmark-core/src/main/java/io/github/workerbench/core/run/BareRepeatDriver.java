package io.github.workerbench.core.run;

import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.worker.BareFeeder;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.core.worker.WorkerSetup;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs repeats with no engine and no client: a scenario's engine-free floor, the best this machine
 * does for the scenario's work, so that the gap to a run shows what acquisition, the engine and
 * the harness cost, and the floor itself what the work costs.
 *
 * <p>Per repeat: the worker factory makes the plan's own strategy and job execution (same
 * workload, balanced durations and jitter, failure schedule, CPU calibration), fed by a {@link
 * BareFeeder} that stands in for the engine: it hands the n jobs over at concurrency c the instant
 * a slot frees and answers complete and fail at once. The {@link MeasuredWindow} measures it as it
 * measures a run: the window opens at the first hand-over and closes at the last completion; child
 * JVM start-up and the CPU calibration come before it. CPU seconds are this JVM's (the CPU of
 * child processes is not included). A repeat also fails when a job raised an incident (a run would
 * wait for it until its timeout). The acquisition, transport, max_jobs_active and job timeout of
 * the plan play no part: there is no engine to time jobs out.
 *
 * <p>Warm-up (when enabled): before the first scenario of each strategy and workload, one
 * unmeasured repeat of it runs and is discarded, so no window measures the JIT compiling the
 * strategy's and the workload's code.
 *
 * <p>Not thread-safe: one scenario at a time. Reuse one driver (and worker factory) for many
 * scenarios, so the CPU calibration is measured once.
 */
public final class BareRepeatDriver implements RepeatDriver {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final WorkerFactory workers;
  private final Warmup warmup;
  private final LongSupplier nanoClock;
  private final MeasuredWindow window;
  private final Set<String> warmed = new HashSet<>();

  /**
   * A driver.
   *
   * @param workers makes each repeat's worker (a {@code DefaultWorkerFactory} for the run's own)
   * @param warmup when enabled, one discarded repeat before each strategy and workload's first
   * @param nanoClock the clock of every measured time, in nanoseconds
   */
  public BareRepeatDriver(WorkerFactory workers, Warmup warmup, LongSupplier nanoClock) {
    this.workers = Objects.requireNonNull(workers, "workers");
    this.warmup = Objects.requireNonNull(warmup, "warmup");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.window = new MeasuredWindow(nanoClock);
  }

  @Override
  public WarmupOutcome prepare(ScenarioPlan plan) {
    String kind = plan.scenario().strategy().id() + "/" + plan.scenario().workloadType().id();
    if (!warmup.enabled() || !warmed.add(kind)) {
      return WarmupOutcome.none();
    }
    long start = nanoClock.getAsLong();
    RepeatMetrics discarded = measure(plan, 0, RepeatMetrics.builder(0), true).metrics();
    double seconds = (nanoClock.getAsLong() - start) / 1e9;
    LOG.debug("Warmed up {} in {} s: {}", kind, seconds, discarded.status());
    if (discarded.status() == RunStatus.SUCCESS || Thread.currentThread().isInterrupted()) {
      return new WarmupOutcome(seconds, null);
    }
    return new WarmupOutcome(
        seconds,
        "Expected the warm-up repeat to complete its jobs, but "
            + discarded.error()
            + "; the first repeat measured a JVM without the warm-up");
  }

  @Override
  public RepeatOutcome run(ScenarioPlan plan, int repeat, RepeatMetrics.Builder metrics) {
    return measure(plan, repeat, metrics, false);
  }

  /** No engine: nothing times a job out, so nothing is redelivered for it. */
  @Override
  public boolean redeliversTimedOutJobs() {
    return false;
  }

  /** Nothing to free: each repeat's worker is closed with it. */
  @Override
  public void close() {}

  private RepeatOutcome measure(
      ScenarioPlan plan, int repeat, RepeatMetrics.Builder metrics, boolean warmupRepeat) {
    BareFeeder feeder = new BareFeeder(plan, nanoClock);
    RunRecorder recorder = new RunRecorder(plan.numInstances(), plan.maxConcurrentJobs());
    return window.measure(
        plan,
        repeat,
        metrics,
        recorder,
        new MeasuredWindow.Feed() {
          @Override
          public RunningWorker startWorker(RunRecorder measured) {
            return workers.start(
                new WorkerSetup(
                    plan,
                    BareFeeder.JOB_TYPE,
                    feeder,
                    JobObserver.both(measured, feeder.endings()),
                    nanoClock,
                    warmupRepeat));
          }

          @Override
          public boolean awaitJobs(RunRecorder ignored, Duration timeout)
              throws InterruptedException {
            return feeder.awaitAllEnded(timeout);
          }

          @Override
          public String shortfall(RunRecorder.Snapshot snapshot) {
            if (snapshot.incidents() == 0) {
              return null;
            }
            return String.format(
                Locale.ROOT,
                "Expected %d jobs to complete, but %d did: %d ran out of their %d retries and"
                    + " raised incidents",
                plan.numInstances(),
                snapshot.completed(),
                snapshot.incidents(),
                ScenarioPlan.JOB_RETRIES);
          }
        });
  }
}
