package io.github.workerbench.core.metrics;

/**
 * Receives what happens to each job on the worker side, so the runner can measure it. All
 * times are {@link System#nanoTime()} readings taken from the clock the worker was given.
 *
 * <p>Every event is ignored unless overridden, so an observer names only what it wants.
 * Implementations must be thread-safe and cheap: they are called on the measured path from
 * any thread, and must never block or log above DEBUG.
 */
public interface JobObserver {

  /** A job reached the worker (a second call for the same key is a redelivery). */
  default void activated(long jobKey, long activatedNanos) {}

  /** The strategy began the job's work: the job is now in work (counts toward in-flight). */
  default void started(long jobKey, long activatedNanos, long startedNanos) {}

  /** The job's work ended, successfully or not: it no longer counts toward in-flight. */
  default void finished(long jobKey, long finishedNanos) {}

  /** The engine accepted the job's completion. */
  default void completed(long jobKey, long processInstanceKey, long completedNanos) {}

  /**
   * The handler failed and the job was reported failed with {@code retriesLeft} retries; {@code
   * failedNanos} is when the report ended (taken or refused by the engine).
   */
  default void failed(long jobKey, int retriesLeft, String reason, long failedNanos) {}

  /**
   * The job's slot is free although the engine acknowledged nothing for it: its completion was
   * refused (the job timed out and was given to another run) or a user's handler sent no command.
   */
  default void released(long jobKey, long releasedNanos) {}

  /** An observer that hands every event to {@code first}, then to {@code second}. */
  static JobObserver both(JobObserver first, JobObserver second) {
    return new PairedJobObserver(first, second);
  }

  /** An observer that ignores everything. */
  static JobObserver noop() {
    return NoopJobObserver.INSTANCE;
  }
}
