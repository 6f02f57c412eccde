package io.github.workerbench.model.scenario;

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

  /**
   * What a scenario described by command-line options ({@code bench test}, {@code bench bare})
   * gets for each option left out: the seed's {@code test}, 10 cpu jobs of 1 s under {@code
   * async} at concurrency 10, one repeat, a job timeout of 5 minutes.
   */
  public static final Defaults SINGLE_SCENARIO =
      new Defaults(10, StrategyKind.ASYNC, WorkloadKind.CPU, 1.0, 10, 1, 300_000);

  /**
   * What each scenario of the comparison verbs ({@code bench benchmark}, {@code
   * benchmark-workloads}) gets for each option left out: the seed's comparison, 20 jobs of 0.5 s
   * at concurrency 10, one repeat, a job timeout of 5 minutes (the strategy and workload are the
   * comparison's own).
   */
  public static final Defaults COMPARISON =
      new Defaults(20, StrategyKind.ASYNC, WorkloadKind.CPU, 0.5, 10, 1, 300_000);

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

  /**
   * The timeout a scenario gets when its author gives none: three times its ideal time on this
   * many cores plus 30 s of slack, at least 60 s.
   */
  public static double defaultTimeoutSeconds(Scenario scenario, int cores) {
    double ideal =
        IdealTime.seconds(
            scenario.strategy(),
            scenario.workloadType(),
            scenario.numInstances(),
            scenario.maxConcurrentJobs(),
            scenario.workDuration(),
            cores);
    return Math.max(60, 3 * ideal + 30);
  }

  /**
   * The scenario {@code builder} holds, with {@code timeoutSeconds}, or the {@link
   * #defaultTimeoutSeconds default timeout} when that is {@code null}.
   *
   * @throws IllegalArgumentException naming the first field that is not valid
   */
  public static Scenario withTimeout(Scenario.Builder builder, Double timeoutSeconds, int cores) {
    if (timeoutSeconds != null) {
      return builder.timeout(timeoutSeconds).build();
    }
    // every field but the timeout is checked first, so a bad one is named before any timeout
    Scenario draft = builder.timeout(1).build();
    return draft.toBuilder().timeout(defaultTimeoutSeconds(draft, cores)).build();
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /**
   * The values a scenario given by options starts from, before the options given replace them.
   *
   * @param workDurationSeconds the mean work per job
   */
  public record Defaults(
      int numInstances,
      StrategyKind strategy,
      WorkloadKind workloadType,
      double workDurationSeconds,
      int maxConcurrentJobs,
      int repeats,
      long jobTimeoutMs) {

    /** A builder with these values, this name and phase, and the description "bench <phase>". */
    public Scenario.Builder builder(String name, String phase) {
      return Scenario.builder()
          .name(name)
          .phase(phase)
          .description("bench " + phase)
          .numInstances(numInstances)
          .strategy(strategy)
          .workloadType(workloadType)
          .workDuration(workDurationSeconds)
          .maxConcurrentJobs(maxConcurrentJobs)
          .repeats(repeats)
          .jobTimeoutMs(jobTimeoutMs);
    }
  }
}
