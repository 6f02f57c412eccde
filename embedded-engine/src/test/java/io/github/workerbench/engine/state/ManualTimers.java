package io.github.workerbench.engine.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Timers that run only when a test moves the clock on; the clock is the engine's clock too. */
final class ManualTimers implements Timers {

  private final AtomicLong clock;
  private final List<Entry> pending = new ArrayList<>();

  ManualTimers(AtomicLong clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Timer schedule(Runnable task, long delayMillis) {
    Entry entry = new Entry(clock.get() + Math.max(0, delayMillis), task);
    pending.add(entry);
    return () -> entry.cancelled = true;
  }

  /** Moves the clock on by {@code millis}, running every task that falls due, earliest first. */
  void advance(long millis) {
    long target = clock.get() + millis;
    while (true) {
      Entry next;
      synchronized (this) {
        pending.removeIf(e -> e.cancelled);
        next = pending.stream().filter(e -> e.dueAt <= target).min(Comparator.comparingLong(e -> e.dueAt)).orElse(null);
        if (next == null) {
          break;
        }
        pending.remove(next);
        clock.set(Math.max(clock.get(), next.dueAt));
      }
      next.task.run();
    }
    clock.set(target);
  }

  /** Tasks scheduled and neither run nor cancelled. */
  synchronized long pendingCount() {
    return pending.stream().filter(e -> !e.cancelled).count();
  }

  private static final class Entry {
    final long dueAt;
    final Runnable task;
    volatile boolean cancelled;

    Entry(long dueAt, Runnable task) {
      this.dueAt = dueAt;
      this.task = task;
    }
  }
}
