package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A concurrency model that works jobs: where a job's work runs and how many run at once. A
 * strategy never has more than {@link #maxJobsInWork()} jobs in work; jobs handed over beyond
 * that wait in its queue. It reports every job to the engine (complete or fail) itself.
 *
 * <p>Implementations are thread-safe: jobs may be submitted from any thread.
 */
public interface ExecutionStrategy extends AutoCloseable {

  /** The strategy's id as results record it, e.g. {@code thread}. */
  String id();

  /** The most jobs in work at once. */
  int maxJobsInWork();

  /**
   * Whether this is a blocking model: a JobWorker handler feeding it waits until the job has
   * ended, as a user's blocking handler would. The event loop returns at once instead.
   */
  boolean blocking();

  /**
   * Hands a job over; never blocks.
   *
   * @param job the job, as the harness sees it
   * @param activatedNanos when the job reached the harness (nano clock)
   * @return completes when the job has ended and was reported to the engine; never completes
   *     exceptionally for a failed job (that is a measured outcome), only when abandoned on close
   */
  CompletableFuture<Void> submit(Job job, long activatedNanos);

  /** Set-up time spent before the first job could start (pool threads, child JVMs). */
  default Duration startupTime() {
    return Duration.ZERO;
  }

  /** Lets jobs in work end within the grace period, abandons the rest, frees threads. */
  @Override
  void close();
}
