package io.github.workerbench.core.run;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.metrics.ProcessSampler;
import io.github.workerbench.core.metrics.ProcessUsage;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.SlotUse;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repeat's measurement, the same for both drivers: the process is sampled from before the
 * worker starts until it is closed; the window opens when the worker has started (or at the first
 * activation, if earlier) and closes at the last completion (or when the wait ended); set-up
 * before it is the worker's start-up. What feeds the worker is a {@link Feed}: an engine's
 * instances, or the engine-free feeder.
 *
 * <p>The repeat fails, keeping whatever was measured, when its jobs do not end within the plan's
 * (scaled) timeout ({@code Expected n jobs to complete within t s, but m did}), when the feed says
 * the figures fall short, or when a step throws (a {@link BenchmarkException} gives its own
 * message); an interrupt makes it {@code interrupted}. The slot use of the window (for the
 * repeat's diagnosis) and the CPU utilization between the worker's start and the wait's end are
 * read before the worker closes. Stateless apart from its clock; thread-safe.
 */
final class MeasuredWindow {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final LongSupplier nanoClock;
  private final Supplier<ProcessSampler> samplers;

  MeasuredWindow(LongSupplier nanoClock) {
    this(nanoClock, ProcessSampler::new);
  }

  MeasuredWindow(LongSupplier nanoClock, Supplier<ProcessSampler> samplers) {
    this.nanoClock = nanoClock;
    this.samplers = samplers;
  }

  /** What feeds a window's worker, step by step; steps may throw, and the repeat then fails. */
  interface Feed {

    /** Before sampling starts, e.g. deploy the process. */
    default void beforeSampling() {}

    /** Sampled but before the worker starts, e.g. create the instances (due times from here). */
    default void beforeWorker(RunRecorder recorder) throws InterruptedException {}

    /** Starts the worker; its jobs flow to {@code recorder} once this returns. */
    RunningWorker startWorker(RunRecorder recorder);

    /** Waits until every job ended; false when {@code timeout} passed first. */
    boolean awaitJobs(RunRecorder recorder, Duration timeout) throws InterruptedException;

    /** Why figures that ended in time still fall short (e.g. incidents), or {@code null}. */
    default String shortfall(RunRecorder.Snapshot snapshot) {
      return null;
    }

    /** A step threw {@code error}; e.g. drop a client that may be broken. */
    default void failed(RuntimeException error) {}
  }

  /**
   * Measures one repeat of {@code plan}.
   *
   * @param metrics the repeat's builder, holding its number, expected jobs and ideal time
   */
  RepeatOutcome measure(
      ScenarioPlan plan,
      int repeat,
      RepeatMetrics.Builder metrics,
      RunRecorder recorder,
      Feed feed) {
    int jobs = plan.numInstances();
    RunStatus status = RunStatus.SUCCESS;
    String error = null;
    ProcessUsage usage = null;
    RunRecorder.Snapshot snapshot = null;
    SlotUse slotUse = SlotUse.NOT_MEASURED;
    String resolvedStrategy = null;
    double startupSeconds = 0;
    long windowStart = -1;
    long waitEnd = -1;
    try {
      feed.beforeSampling();
      ProcessSampler sampler = samplers.get();
      sampler.start();
      RunningWorker worker = null;
      try {
        feed.beforeWorker(recorder);
        worker = feed.startWorker(recorder);
        windowStart = nanoClock.getAsLong();
        sampler.windowOpened(windowStart);
        resolvedStrategy = worker.resolvedStrategy();
        startupSeconds = worker.startupTime().toNanos() / 1e9;
        if (!feed.awaitJobs(recorder, plan.timeout())) {
          status = RunStatus.FAILED;
          error =
              String.format(
                  Locale.ROOT,
                  "Expected %d jobs to complete within %.1f s, but %d did",
                  jobs,
                  plan.timeout().toNanos() / 1e9,
                  recorder.completedCount());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = RunStatus.INTERRUPTED;
        error = "interrupted after " + recorder.completedCount() + " of " + jobs + " jobs";
      } finally {
        waitEnd = nanoClock.getAsLong();
        snapshot = recorder.snapshot();
        if (windowStart >= 0) {
          sampler.windowClosed(waitEnd);
          // before the worker closes: its abandoned jobs would move the timeline on
          slotUse = recorder.slotUse(start(windowStart, snapshot), end(waitEnd, snapshot));
        }
        if (worker != null) {
          close(worker);
        }
        usage = sampler.stop();
      }
    } catch (BenchmarkException e) {
      feed.failed(e);
      status = RunStatus.FAILED;
      error = e.getMessage();
    } catch (RuntimeException e) {
      feed.failed(e);
      LOG.debug("Repeat {} of '{}' failed", repeat, plan.name(), e);
      status = RunStatus.FAILED;
      error = "Expected to run repeat " + repeat + " of '" + plan.name() + "', but " + e;
    }
    if (snapshot == null) {
      snapshot = recorder.snapshot();
    }
    if (status == RunStatus.SUCCESS) {
      error = feed.shortfall(snapshot);
      status = error == null ? RunStatus.SUCCESS : RunStatus.FAILED;
    }
    metrics.status(status).error(error);
    snapshot.applyTo(metrics);
    if (windowStart >= 0) {
      metrics.window(
          Math.max(0, end(waitEnd, snapshot) - start(windowStart, snapshot)) / 1e9);
    }
    if (usage != null) {
      usage.applyTo(metrics);
    }
    metrics.slotUse(slotUse);
    return new RepeatOutcome(metrics.build(), resolvedStrategy, startupSeconds);
  }

  /** The window opens when the worker has started, or at the first activation if earlier. */
  private static long start(long workerStarted, RunRecorder.Snapshot snapshot) {
    return snapshot.firstActivationNanos() >= 0
        ? Math.min(workerStarted, snapshot.firstActivationNanos())
        : workerStarted;
  }

  /** The window closes at the last completion, or when the wait ended if none came. */
  private static long end(long waitEnd, RunRecorder.Snapshot snapshot) {
    return snapshot.lastCompletionNanos() >= 0 ? snapshot.lastCompletionNanos() : waitEnd;
  }

  private static void close(RunningWorker worker) {
    try {
      worker.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the worker failed: {}", e.toString());
    }
  }
}
