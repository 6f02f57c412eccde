package io.github.workerbench.core.workload;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which handler runs fail on purpose ({@code failure_rate}). Run number i fails when a
 * uniform number derived from the seed and i (SplitMix64) is below the rate, so the same seed
 * fails the same runs and about {@code rate} of all runs fail. Thread-safe.
 */
public final class FailureSchedule {

  /** The seed used unless a test asks for another. */
  public static final long DEFAULT_SEED = 7_777L;

  private final double rate;
  private final long seed;
  private final AtomicLong runs = new AtomicLong();

  private FailureSchedule(double rate, long seed) {
    this.rate = rate;
    this.seed = seed;
  }

  /**
   * A schedule failing {@code rate} of the runs.
   *
   * @throws IllegalArgumentException when the rate is outside [0, 1]
   */
  public static FailureSchedule of(double rate, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("failure_rate must be within [0, 1], but was " + rate);
    }
    return new FailureSchedule(rate, seed);
  }

  /** A schedule under which nothing fails. */
  public static FailureSchedule none() {
    return new FailureSchedule(0, DEFAULT_SEED);
  }

  /** Whether the next handler run fails; each call is one run. */
  public boolean nextRunFails() {
    if (rate <= 0) {
      // nothing fails whatever the run's number: no shared counter to bump per job
      return false;
    }
    return failsAt(runs.getAndIncrement());
  }

  /** Whether run number {@code run} (from 0) fails. */
  public boolean failsAt(long run) {
    if (rate <= 0) {
      return false;
    }
    if (rate >= 1) {
      return true;
    }
    long z = seed + (run + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53 < rate;
  }
}
