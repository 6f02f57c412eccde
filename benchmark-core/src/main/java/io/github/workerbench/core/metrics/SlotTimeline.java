package io.github.workerbench.core.metrics;

import io.github.workerbench.model.result.SlotUse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Integrates over time how a repeat's slots are used, from the four events of each job run:
 * activated, started, finished, acknowledged (its completion or failure taken by the engine).
 *
 * <p>Algorithm: three counts say how many runs are activated and not started, working, and
 * finished and not acknowledged. Every event first adds the time since the previous event (the
 * latest event time seen, kept with one compare-and-set) times the slots in each state, then
 * moves its own count. Of the {@code slots}, working runs take theirs first, then runs awaiting
 * their acknowledgement; of the slots left free, activated runs fill what they can (more may be
 * activated than there are slots: the JobWorker's {@code max_jobs_active} above the concurrency
 * buffers them, and those wait for a slot, not the slot for them); the rest are empty. Empty slot
 * time up to the last activation awaited that activation; after it, it is the drain ({@code
 * other}). Sums alone could not say this: they cannot cap the runs held at the slots.
 *
 * <p>Per event: one compare-and-set, three reads and at most four {@link LongAdder} additions,
 * plus one sum at an activation; no lock, no allocation. Events racing on two threads can
 * attribute the microseconds between their two clock readings to the state before either:
 * an error of that size, never a lost interval (the times telescope). Thread-safe.
 */
final class SlotTimeline {

  private static final long NO_EVENT = Long.MIN_VALUE;

  private final int slots;
  private final AtomicLong lastEventNanos = new AtomicLong(NO_EVENT);
  private final AtomicInteger unstarted = new AtomicInteger();
  private final AtomicInteger working = new AtomicInteger();
  private final AtomicInteger unacknowledged = new AtomicInteger();
  private final LongAdder workingArea = new LongAdder();
  private final LongAdder awaitingStartArea = new LongAdder();
  private final LongAdder awaitingCompletionArea = new LongAdder();
  private final LongAdder emptyArea = new LongAdder();
  private final AtomicLong emptyAreaAtLastActivation = new AtomicLong();

  /** A timeline of {@code slots} slots (max_concurrent_jobs). */
  SlotTimeline(int slots) {
    if (slots <= 0) {
      throw new IllegalArgumentException("slots must be greater than 0, but was " + slots);
    }
    this.slots = slots;
  }

  void activated(long nanos) {
    advanceTo(nanos);
    unstarted.incrementAndGet();
    // the empty area only grows: the latest activation's reading is the largest
    emptyAreaAtLastActivation.accumulateAndGet(emptyArea.sum(), Math::max);
  }

  void started(long nanos) {
    advanceTo(nanos);
    unstarted.decrementAndGet();
    working.incrementAndGet();
  }

  void finished(long nanos) {
    advanceTo(nanos);
    working.decrementAndGet();
    unacknowledged.incrementAndGet();
  }

  void acknowledged(long nanos) {
    advanceTo(nanos);
    unacknowledged.decrementAndGet();
  }

  private void advanceTo(long nanos) {
    long previous = lastEventNanos.getAndAccumulate(nanos, Math::max);
    if (previous == NO_EVENT || nanos <= previous) {
      return;
    }
    long elapsed = nanos - previous;
    // the slots in each state (negative counts, from races, read as 0); no object per event
    long work = Math.min(Math.max(0, working.get()), slots);
    long acknowledging = Math.min(Math.max(0, unacknowledged.get()), slots - work);
    long free = slots - work - acknowledging;
    long starting = Math.min(Math.max(0, unstarted.get()), free);
    if (work > 0) {
      workingArea.add(work * elapsed);
    }
    if (acknowledging > 0) {
      awaitingCompletionArea.add(acknowledging * elapsed);
    }
    if (starting > 0) {
      awaitingStartArea.add(starting * elapsed);
    }
    if (free > starting) {
      emptyArea.add((free - starting) * elapsed);
    }
  }

  /**
   * The slot use of the window from {@code windowStart} to {@code windowEnd}: before the first
   * event every slot awaited an activation, after the last event the slots stay as they were.
   *
   * @param firstEventNanos the first activation, or -1 when no job was activated
   * @param runs the runs of work that started, for the work per run
   */
  SlotUse slotUse(long windowStart, long windowEnd, long firstEventNanos, long runs) {
    if (windowEnd <= windowStart) {
      return SlotUse.NOT_MEASURED;
    }
    long last = lastEventNanos.get();
    if (firstEventNanos < 0 || last == NO_EVENT) {
      return SlotUse.of(0, slots * (windowEnd - windowStart), 0, 0, 0, runs);
    }
    long before = slots * Math.max(0, firstEventNanos - windowStart);
    long after = Math.max(0, windowEnd - last);
    long work = Math.min(Math.max(0, working.get()), slots);
    long acknowledging = Math.min(Math.max(0, unacknowledged.get()), slots - work);
    long free = slots - work - acknowledging;
    long starting = Math.min(Math.max(0, unstarted.get()), free);
    long empty = emptyArea.sum();
    long emptyBeforeLastActivation = Math.min(empty, emptyAreaAtLastActivation.get());
    return SlotUse.of(
        workingArea.sum() + work * after,
        before + emptyBeforeLastActivation,
        awaitingStartArea.sum() + starting * after,
        awaitingCompletionArea.sum() + acknowledging * after,
        empty - emptyBeforeLastActivation + (free - starting) * after,
        runs);
  }
}
