package io.github.workerbench.engine.state;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the engine's timers run: poll expiry, retry back-offs and the one activation-deadline
 * sweep. The engine schedules through this interface only, so a test can drive time by hand
 * instead of waiting. Implementations must be thread-safe; tasks may run on any thread.
 */
public interface Timers {

  /**
   * Runs {@code task} once, about {@code delayMillis} milliseconds from now (at once when it is 0
   * or negative).
   *
   * @return a handle that cancels the task if it has not run yet
   */
  Timer schedule(Runnable task, long delayMillis);

  /** A scheduled task. */
  @FunctionalInterface
  interface Timer {

    /** Prevents the task from running if it has not started yet. Idempotent. */
    void cancel();
  }

  /**
   * Timers on an executor the caller owns (and shuts down). Cancelled tasks should be removed from
   * its queue ({@code setRemoveOnCancelPolicy(true)}) to keep it small. Once the executor is shut
   * down, new timers are silently dropped.
   */
  static Timers on(ScheduledExecutorService executor) {
    return (task, delayMillis) -> {
      ScheduledFuture<?> future;
      try {
        future = executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // the engine is shutting down: nothing is left to time out or retry
        return () -> {};
      }
      return () -> future.cancel(false);
    };
  }
}
