package io.github.workerbench.core.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The work duration of each job, balanced around the mean: for every job at mean + offset there
 * is one at mean − offset, offsets uniform in [0, jitter × mean] from a fixed seed, one job at
 * exactly the mean when the count is odd, the whole shuffled with the same seed. The durations
 * therefore sum to exactly count × mean (to the nanosecond), so the ideal time of a scenario
 * does not depend on the jitter.
 *
 * <p>Jobs take the next duration in the order their work starts; runs beyond the count (retries,
 * redeliveries) start over from the first. Thread-safe.
 */
public final class WorkDurations {

  /** The seed used unless a test asks for another. */
  public static final long DEFAULT_SEED = 20_240_601L;

  private final List<Duration> durations;
  private final AtomicLong next = new AtomicLong();

  private WorkDurations(List<Duration> durations) {
    this.durations = List.copyOf(durations);
  }

  /**
   * Balanced durations for {@code count} jobs.
   *
   * @throws IllegalArgumentException when count is not positive, mean is negative or jitter is
   *     outside [0, 1]
   */
  public static WorkDurations balanced(int count, Duration mean, double jitterPct, long seed) {
    Objects.requireNonNull(mean, "mean");
    if (count <= 0) {
      throw new IllegalArgumentException("job count must be greater than 0, but was " + count);
    }
    if (mean.isNegative()) {
      throw new IllegalArgumentException("mean duration must not be negative, but was " + mean);
    }
    if (!(jitterPct >= 0 && jitterPct <= 1)) {
      throw new IllegalArgumentException("jitter_pct must be within [0, 1], but was " + jitterPct);
    }
    Random random = new Random(seed);
    long meanNanos = mean.toNanos();
    long maxOffset = Math.round(jitterPct * meanNanos);
    List<Duration> durations = new ArrayList<>(count);
    for (int pair = 0; pair < count / 2; pair++) {
      long offset = maxOffset == 0 ? 0 : random.nextLong(maxOffset + 1);
      durations.add(Duration.ofNanos(meanNanos + offset));
      durations.add(Duration.ofNanos(meanNanos - offset));
    }
    if (count % 2 == 1) {
      durations.add(mean);
    }
    Collections.shuffle(durations, random);
    return new WorkDurations(durations);
  }

  /** The duration of the job whose work starts next. */
  public Duration next() {
    return durations.get((int) (next.getAndIncrement() % durations.size()));
  }

  /** Every duration, in the order jobs take them. */
  public List<Duration> all() {
    return durations;
  }
}
