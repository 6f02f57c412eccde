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

  /** Stops the worker; idempotent; never throws checked exceptions. */
  @Override
  void close();
}
