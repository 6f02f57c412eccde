package io.github.workerbench.model.scenario;

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
   * @param workSeconds the mean work per job (work_duration)
   * @param cores available processors (at least 1); only cpu work under a parallel strategy
   *     reads it ({@link #dependsOnCores})
   */
  public static double seconds(
      StrategyKind strategy, WorkloadKind workload, int n, int c, double workSeconds, int cores) {
    int slots = Math.min(c, n);
    double job = jobSeconds(workload, workSeconds);
    if (workload != WorkloadKind.CPU) {
      return waves(n, slots) * job;
    }
    return strategy == StrategyKind.ASYNC
        ? n * job
        : waves(n, Math.min(slots, Math.max(1, cores))) * job;
  }

  /**
   * Whether the ideal time of this strategy and workload depends on the number of cores: cpu work
   * under a parallel strategy. A reader of results that lack {@code cores} cannot compute it.
   */
  public static boolean dependsOnCores(StrategyKind strategy, WorkloadKind workload) {
    return workload == WorkloadKind.CPU && strategy != StrategyKind.ASYNC;
  }

  /**
   * The time one job's work takes at the ideal, for work_duration {@code workSeconds}: the work
   * duration itself, except for subprocess_threaded, whose 5 threads each sleep 3 times
   * work_duration / 10 (concurrently), so a job takes 3 × work_duration / 10.
   */
  public static double jobSeconds(WorkloadKind workload, double workSeconds) {
    return workload == WorkloadKind.SUBPROCESS_THREADED ? 3 * workSeconds / 10 : workSeconds;
  }

  private static long waves(int n, int slots) {
    return (n + slots - 1) / slots;
  }
}
