package io.github.workerbench.core.worker;

import java.time.Duration;

/**
 * A worker that is taking and working jobs. Closing it stops acquisition, lets jobs in work end
 * (or abandons them after a grace period) and releases threads and child processes.
 */
public interface RunningWorker extends AutoCloseable {

  /** The strategy that actually runs, e.g. {@code thread} when {@code auto} resolved to it. */
  String resolvedStrategy();

  /** Set-up time spent before the measured window (child JVM start-up, calibration). */
  Duration startupTime();

  /**
   * The most jobs the strategy runs at once (the process strategy's children, {@code auto}'s
   * threads on cpu work), or 0 when it runs all max_concurrent_jobs.
   */
  default int maxJobsInWork() {
    return 0;
  }

  /** Stops the worker; idempotent; never throws checked exceptions. */
  @Override
  void close();
}
