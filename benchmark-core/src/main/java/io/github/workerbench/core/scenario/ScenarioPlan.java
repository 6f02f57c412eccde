package io.github.workerbench.core.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * What runs: a {@link Scenario} with every optional value resolved and the duration scale
 * applied to work duration and timeout. Defaults live here and nowhere else.
 *
 * @param scenario the scenario as the user wrote it (unscaled), kept for the results file
 * @param workDuration the mean work per job, scaled
 * @param timeout the time the whole repeat may take, scaled
 * @param jobTimeout the job's activation timeout handed to the engine (never scaled)
 * @param acquisition how jobs reach the strategy ({@link AcquisitionKind#JOB_WORKER} by default)
 * @param maxJobsActive the JobWorker's maxJobsActive (default: max_concurrent_jobs)
 * @param jitterPct the spread of work durations around the mean (default 0)
 * @param transport how the client talks to the engine ({@link TransportKind#REST} by default)
 * @param failureRate the fraction of handler runs that throw (default 0)
 * @param durationScale the factor applied to work duration and timeout (1 when not scaled)
 */
public record ScenarioPlan(
    Scenario scenario,
    Duration workDuration,
    Duration timeout,
    Duration jobTimeout,
    AcquisitionKind acquisition,
    int maxJobsActive,
    double jitterPct,
    TransportKind transport,
    double failureRate,
    double durationScale) {

  /**
   * The retries each job starts with: enough for failure_rate scenarios to retry a failed job, not
   * to hide a bug. A job whose retries run out raises an incident.
   */
  public static final int JOB_RETRIES = 3;

  public ScenarioPlan {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(workDuration, "workDuration");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(jobTimeout, "jobTimeout");
    Objects.requireNonNull(acquisition, "acquisition");
    Objects.requireNonNull(transport, "transport");
    if (!(durationScale > 0)) {
      throw new IllegalArgumentException(
          "duration scale must be greater than 0, but was " + durationScale);
    }
  }

  /** The plan for a scenario at its own durations. */
  public static ScenarioPlan of(Scenario scenario) {
    return of(scenario, 1.0);
  }

  /**
   * The plan for a scenario with work duration and timeout multiplied by {@code durationScale}.
   *
   * @throws IllegalArgumentException when the scale is not greater than 0
   */
  public static ScenarioPlan of(Scenario scenario, double durationScale) {
    if (!(durationScale > 0) || Double.isInfinite(durationScale)) {
      throw new IllegalArgumentException(
          "duration scale must be greater than 0, but was " + durationScale);
    }
    return new ScenarioPlan(
        scenario,
        seconds(scenario.workDuration() * durationScale),
        seconds(scenario.timeout() * durationScale),
        Duration.ofMillis(scenario.jobTimeoutMs()),
        Objects.requireNonNullElse(scenario.acquisition(), AcquisitionKind.JOB_WORKER),
        Objects.requireNonNullElse(scenario.maxJobsActive(), scenario.maxConcurrentJobs()),
        Objects.requireNonNullElse(scenario.jitterPct(), 0.0),
        Objects.requireNonNullElse(scenario.transport(), TransportKind.REST),
        Objects.requireNonNullElse(scenario.failureRate(), 0.0),
        durationScale);
  }

  /** The scenario's name. */
  public String name() {
    return scenario.name();
  }

  /** The number of process instances, which is the number of jobs. */
  public int numInstances() {
    return scenario.numInstances();
  }

  /** The most jobs the strategy may have in work at once. */
  public int maxConcurrentJobs() {
    return scenario.maxConcurrentJobs();
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
