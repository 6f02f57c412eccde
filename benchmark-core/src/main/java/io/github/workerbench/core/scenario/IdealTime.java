package io.github.workerbench.core.scenario;

import java.time.Duration;

/**
 * The time the physics allows a scenario's jobs to take (docs/RESULTS_FORMAT.md): with {@code n}
 * jobs, concurrency {@code c} and work {@code d} per job,
 *
 * <ul>
 *   <li>time-bound work (io, subprocess, sleep): {@code ceil(n / min(c, n)) × d};
 *   <li>subprocess_threaded: the same with {@code d} replaced by the {@code 3 × d / 10} its threads
 *       sleep;
 *   <li>cpu under {@code async} (one event-loop thread): {@code n × d};
 *   <li>cpu under a parallel strategy: {@code ceil(n / min(c, n, cores)) × d}.
 * </ul>
 *
 * Used for efficiency, for ETAs and for the generator's time estimates. Stateless.
 */
public final class IdealTime {

  private IdealTime() {}

  /** One repeat's ideal time, from the plan's (scaled) work duration. */
  public static Duration perRepeat(ScenarioPlan plan, int cores) {
    return Duration.ofNanos(
        Math.round(
            seconds(
                    plan.scenario().strategy(),
                    plan.scenario().workloadType(),
                    plan.numInstances(),
                    plan.maxConcurrentJobs(),
                    plan.workDuration().toNanos() / 1e9,
                    cores)
                * 1e9));
  }

  /** The ideal time of every repeat together. */
  public static Duration allRepeats(ScenarioPlan plan, int cores) {
    return perRepeat(plan, cores).multipliedBy(plan.scenario().repeats());
  }

  /**
   * One repeat's ideal time in seconds.
   *
   * @param workSeconds the mean work per job
   * @param cores available processors (at least 1)
   */
  public static double seconds(
      StrategyKind strategy, WorkloadKind workload, int n, int c, double workSeconds, int cores) {
    int slots = Math.min(c, n);
    return switch (workload) {
      case IO, SUBPROCESS, SLEEP -> waves(n, slots) * workSeconds;
      case SUBPROCESS_THREADED -> waves(n, slots) * 3 * workSeconds / 10;
      case CPU ->
          strategy == StrategyKind.ASYNC
              ? n * workSeconds
              : waves(n, Math.min(slots, Math.max(1, cores))) * workSeconds;
    };
  }

  private static long waves(int n, int slots) {
    return (n + slots - 1) / slots;
  }
}
