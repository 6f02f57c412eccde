package io.github.workerbench.engine.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The activation deadlines of all activated jobs, in one ordered set swept by a single timer, so
 * activating and completing a job never touches the scheduler. The timer is armed for the earliest
 * deadline; an earlier one re-arms it, a later one leaves it. When it fires it calls the sweeper
 * given at construction with its generation, and the sweeper (holding the lock) takes the jobs due
 * with {@link #takeDue}. Guarded by the {@link EngineState} lock.
 */
final class Deadlines {

  /** Earliest deadline first; the key breaks ties so distinct jobs never compare equal. */
  private static final Comparator<Job> BY_DEADLINE =
      Comparator.comparingLong((Job job) -> job.deadline).thenComparingLong(job -> job.key);

  private final Timers timers;
  private final LongSupplier clock;
  private final LongConsumer sweeper;
  private final TreeSet<Job> deadlines = new TreeSet<>(BY_DEADLINE);
  /** The deadline the sweep timer is set for, or Long.MAX_VALUE when none is set. */
  private long sweepAt = Long.MAX_VALUE;
  private Timers.Timer sweep;
  /** Identifies the armed sweep; a sweep that was replaced while it waited for the lock ends. */
  private long sweepGeneration;

  /**
   * @param sweeper called from the timer thread, without the lock, with the sweep's generation
   */
  Deadlines(Timers timers, LongSupplier clock, LongConsumer sweeper) {
    this.timers = timers;
    this.clock = clock;
    this.sweeper = sweeper;
  }

  /** Enters an activated job's deadline into the set, moving the sweep earlier if needed. */
  void time(Job job) {
    job.timed = true;
    deadlines.add(job);
    if (job.deadline < sweepAt) {
      arm(job.deadline);
    }
  }

  /** Takes a job out of the set (before its deadline changes). The sweep stays armed. */
  void untime(Job job) {
    if (job.timed) {
      deadlines.remove(job);
      job.timed = false;
    }
  }

  /**
   * The jobs whose deadline has passed, taken out of the set, then the sweep re-armed for the next
   * one (unless {@code rearm} is false). Empty when this sweep was replaced by a newer one.
   */
  List<Job> takeDue(long generation, boolean rearm) {
    if (generation != sweepGeneration) {
      return List.of();
    }
    sweep = null;
    sweepAt = Long.MAX_VALUE;
    long now = clock.getAsLong();
    List<Job> due = new ArrayList<>();
    while (!deadlines.isEmpty() && deadlines.first().deadline <= now) {
      Job job = deadlines.pollFirst();
      job.timed = false;
      due.add(job);
    }
    if (!deadlines.isEmpty() && rearm) {
      arm(deadlines.first().deadline);
    }
    return due;
  }

  private void arm(long at) {
    if (sweep != null) {
      sweep.cancel();
    }
    sweepAt = at;
    long generation = ++sweepGeneration;
    sweep = timers.schedule(() -> sweeper.accept(generation), at - clock.getAsLong());
  }
}
