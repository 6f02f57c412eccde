package io.github.workerbench.core.metrics;

import io.github.workerbench.core.scenario.StrategyKind;
import io.github.workerbench.core.scenario.WorkloadKind;

/**
 * The time the physics allows for a scenario: the floor no strategy can beat, against which
 * efficiency is measured (docs/RESULTS_FORMAT.md).
 *
 * <ul>
 *   <li>time-bound work (io, subprocess, sleep): {@code ceil(n / min(c, n)) × d} — c jobs wait
 *       side by side;
 *   <li>subprocess_threaded: the same with d replaced by the {@code 3 × d/10} its threads sleep;
 *   <li>cpu under a parallel strategy: {@code ceil(n / min(c, n, cores)) × d} — at most one job
 *       per core computes at full speed;
 *   <li>cpu under async: {@code n × d} — the event loop runs every computation on one thread.
 * </ul>
 *
 * <p>{@code auto} counts as parallel: it never resolves to async. Stateless and thread-safe.
 */
public final class IdealTime {

  private IdealTime() {}

  /**
   * The ideal time in seconds.
   *
   * @param workDurationSeconds the mean work per job, d
   * @param numInstances the jobs, n
   * @param maxConcurrentJobs the jobs in work at once, c
   * @param cores the available processors
   * @throws IllegalArgumentException when a count or the duration is not positive
   */
  public static double seconds(
      WorkloadKind workload,
      StrategyKind strategy,
      int numInstances,
      int maxConcurrentJobs,
      double workDurationSeconds,
      int cores) {
    if (numInstances <= 0 || maxConcurrentJobs <= 0 || cores <= 0 || !(workDurationSeconds > 0)) {
      throw new IllegalArgumentException(
          "ideal time needs positive n, c, cores and d, but got n="
              + numInstances
              + ", c="
              + maxConcurrentJobs
              + ", cores="
              + cores
              + ", d="
              + workDurationSeconds);
    }
    int slots = Math.min(maxConcurrentJobs, numInstances);
    return switch (workload) {
      case CPU ->
          strategy == StrategyKind.ASYNC
              ? numInstances * workDurationSeconds
              : rounds(numInstances, Math.min(slots, cores)) * workDurationSeconds;
      case SUBPROCESS_THREADED ->
          rounds(numInstances, slots) * threadedSleepSeconds(workDurationSeconds);
      case IO, SUBPROCESS, SLEEP -> rounds(numInstances, slots) * workDurationSeconds;
    };
  }

  /** The time one subprocess_threaded job sleeps: each thread sleeps d/10 three times. */
  public static double threadedSleepSeconds(double workDurationSeconds) {
    return 3 * workDurationSeconds / 10;
  }

  private static long rounds(int jobs, int slots) {
    return (jobs + slots - 1) / slots;
  }
}
