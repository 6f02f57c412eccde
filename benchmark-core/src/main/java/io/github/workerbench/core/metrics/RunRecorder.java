package io.github.workerbench.core.metrics;

import io.github.workerbench.model.result.LatencySummary;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.SlotUse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures one repeat from the worker's reports: latency from process-instance creation to job
 * completion, delay from activation to the start of the work, jobs in work (and their peak),
 * distinct completions, redeliveries, failures and incidents, and how the slots were used over
 * time ({@link SlotTimeline}, read for a window with {@link #slotUse}).
 *
 * <p><b>Latency is measured from when the work was due</b>: the runner calls
 * {@link #instanceCreated} with the time it <em>issued</em> the creation, not the time the
 * engine answered, so a slow engine or a saturated worker shows up as latency instead of being
 * hidden (coordinated omission). Creation and completion reports may arrive in either order;
 * each process instance is matched once.
 *
 * <p>Thread-safe. The per-job methods allocate nothing and never block (beyond the monitor of one
 * of the 64 stripes of the key tables, held for a probe) and never log; values are in nanoseconds
 * from the run's clock. Keys are kept in primitive tables sized for the expected jobs ({@code
 * LongKeyTable}), latencies in microseconds in HdrHistogram {@link Recorder}s (3 significant
 * digits).
 */
public final class RunRecorder implements JobObserver {

  private final long expectedJobs;
  private final Recorder latency = new Recorder(3);
  private final Recorder startDelay = new Recorder(3);
  private final Histogram latencyTotal = new Histogram(3);
  private final Histogram startDelayTotal = new Histogram(3);
  private final LongKeyTable instances;
  private final LongKeyTable activatedJobs;
  private final LongKeyTable completedJobs;
  private final LongAdder completions = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final LongAdder redeliveries = new LongAdder();
  private final LongAdder failedJobs = new LongAdder();
  private final LongAdder incidents = new LongAdder();
  private final LongAdder startedRuns = new LongAdder();
  private final AtomicLong firstActivationNanos = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastCompletionNanos = new AtomicLong(Long.MIN_VALUE);
  private final CountDownLatch allCompleted;
  private final SlotTimeline slots;

  /**
   * A recorder for a repeat that expects {@code expectedJobs} distinct jobs to complete with
   * {@code slots} jobs in work at most (max_concurrent_jobs).
   */
  public RunRecorder(long expectedJobs, int slots) {
    if (expectedJobs <= 0) {
      throw new IllegalArgumentException(
          "expected jobs must be greater than 0, but was " + expectedJobs);
    }
    this.expectedJobs = expectedJobs;
    this.allCompleted = new CountDownLatch(Math.toIntExact(expectedJobs));
    this.instances = new LongKeyTable(expectedJobs);
    this.activatedJobs = new LongKeyTable(expectedJobs);
    this.completedJobs = new LongKeyTable(expectedJobs);
    this.slots = new SlotTimeline(slots);
  }

  /** The runner issued the creation of this process instance at {@code dueNanos}. */
  public void instanceCreated(long processInstanceKey, long dueNanos) {
    long completedNanos = instances.pair(processInstanceKey, true, dueNanos);
    if (completedNanos != LongKeyTable.UNPAIRED) {
      latency.recordValue(micros(completedNanos - dueNanos));
    }
  }

  @Override
  public void activated(long jobKey, long activatedNanos) {
    slots.activated(activatedNanos);
    // read before writing: after the first activations the earliest rarely moves, and a write
    // per job would make every thread contend for one cache line
    if (activatedNanos < firstActivationNanos.get()) {
      firstActivationNanos.accumulateAndGet(activatedNanos, Math::min);
    }
    if (!activatedJobs.add(jobKey)) {
      redeliveries.increment();
    }
  }

  @Override
  public void started(long jobKey, long activatedNanos, long startedNanos) {
    slots.started(startedNanos);
    startedRuns.increment();
    startDelay.recordValue(micros(startedNanos - activatedNanos));
    int now = inFlight.incrementAndGet();
    if (now > peakInFlight.get()) {
      peakInFlight.accumulateAndGet(now, Math::max);
    }
  }

  @Override
  public void finished(long jobKey, long finishedNanos) {
    slots.finished(finishedNanos);
    inFlight.decrementAndGet();
  }

  @Override
  public void completed(long jobKey, long processInstanceKey, long completedNanos) {
    slots.acknowledged(completedNanos);
    if (!completedJobs.add(jobKey)) {
      return;
    }
    completions.increment();
    if (completedNanos > lastCompletionNanos.get()) {
      lastCompletionNanos.accumulateAndGet(completedNanos, Math::max);
    }
    long dueNanos = instances.pair(processInstanceKey, false, completedNanos);
    if (dueNanos != LongKeyTable.UNPAIRED) {
      latency.recordValue(micros(completedNanos - dueNanos));
    }
    allCompleted.countDown();
  }

  @Override
  public void released(long jobKey, long releasedNanos) {
    slots.acknowledged(releasedNanos);
  }

  @Override
  public void failed(long jobKey, int retriesLeft, String reason, long failedNanos) {
    slots.acknowledged(failedNanos);
    failedJobs.increment();
    if (retriesLeft <= 0) {
      incidents.increment();
    }
  }

  /**
   * Waits until every expected job completed or {@code timeout} passed.
   *
   * @return whether every expected job completed
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitAllCompleted(Duration timeout) throws InterruptedException {
    return allCompleted.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The distinct jobs completed so far. */
  public long completedCount() {
    return completions.sum();
  }

  /** The jobs expected to complete. */
  public long expectedJobs() {
    return expectedJobs;
  }

  /**
   * The figures so far. Cheap enough to call now and then, but not per job; calls are
   * serialized.
   */
  public synchronized Snapshot snapshot() {
    latencyTotal.add(latency.getIntervalHistogram());
    startDelayTotal.add(startDelay.getIntervalHistogram());
    long first = firstActivationNanos.get();
    long last = lastCompletionNanos.get();
    return new Snapshot(
        completions.sum(),
        expectedJobs,
        summary(latencyTotal),
        summary(startDelayTotal),
        peakInFlight.get(),
        inFlight.get(),
        redeliveries.sum(),
        failedJobs.sum(),
        incidents.sum(),
        first == Long.MAX_VALUE ? -1 : first,
        last == Long.MIN_VALUE ? -1 : last);
  }

  /**
   * How the slots were used in the window from {@code windowStart} to {@code windowEnd} (nano
   * clock), as the timeline reads now: read it before the worker closes, whose abandoned jobs
   * would move it on. Cheap enough to call now and then, but not per job.
   */
  public SlotUse slotUse(long windowStart, long windowEnd) {
    long first = firstActivationNanos.get();
    return slots.slotUse(
        windowStart, windowEnd, first == Long.MAX_VALUE ? -1 : first, startedRuns.sum());
  }

  private static long micros(long nanos) {
    return Math.max(0, nanos / 1_000);
  }

  private static LatencySummary summary(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return LatencySummary.empty();
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50) / 1_000.0,
        histogram.getValueAtPercentile(95) / 1_000.0,
        histogram.getValueAtPercentile(99) / 1_000.0,
        histogram.getMaxValue() / 1_000.0);
  }

  /**
   * The recorder's figures at one instant.
   *
   * @param firstActivationNanos the earliest activation, or -1 when none
   * @param lastCompletionNanos the latest distinct completion, or -1 when none
   */
  public record Snapshot(
      long completed,
      long expected,
      LatencySummary latency,
      LatencySummary startDelay,
      int peakInFlight,
      int inFlight,
      long redeliveries,
      long failedJobs,
      long incidents,
      long firstActivationNanos,
      long lastCompletionNanos) {

    /** Sets the job figures (completions, latencies, peak, faults) on a repeat's metrics. */
    public RepeatMetrics.Builder applyTo(RepeatMetrics.Builder metrics) {
      return metrics
          .jobsCompleted(completed)
          .latency(latency)
          .startDelay(startDelay)
          .peakInFlight(peakInFlight)
          .redeliveries(redeliveries)
          .failedJobs(failedJobs)
          .incidents(incidents);
    }
  }
}
