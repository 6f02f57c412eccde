package io.github.workerbench.core.run.suite;

import io.github.workerbench.core.metrics.JobObserver;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link JobObserver} that counts completions of the running scenario and passes the count to the
 * listener, for the progress bar. Hand it to the executor's worker alongside the measuring
 * observer. Thread-safe; one atomic increment per completion.
 */
final class JobProgress implements JobObserver {

  private final SuiteListener listener;
  private final AtomicLong completed = new AtomicLong();
  private volatile long expected;

  JobProgress(SuiteListener listener) {
    this.listener = listener;
  }

  /** Starts counting a new scenario of {@code expectedJobs} jobs over all its repeats. */
  void reset(long expectedJobs) {
    expected = expectedJobs;
    completed.set(0);
  }

  @Override
  public void completed(long jobKey, long processInstanceKey, long completedNanos) {
    listener.jobsCompleted(completed.incrementAndGet(), expected);
  }
}
