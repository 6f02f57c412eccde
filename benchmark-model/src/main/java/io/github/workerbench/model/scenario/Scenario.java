package io.github.workerbench.model.scenario;

import java.util.Objects;

/**
 * One scenario as the user wrote it: the guide's custom-scenario JSON object, field for field,
 * with this project's optional additions left {@code null} when absent.
 *
 * <p>Required fields (JSON names in brackets): name, num_instances, strategy, workload_type,
 * work_duration (seconds), max_concurrent_jobs, repeats, timeout (seconds), job_timeout_ms,
 * description, phase. Optional: acquisition, max_jobs_active, jitter_pct, transport,
 * failure_rate. What runs is the {@link ScenarioPlan} resolved from it, with every default
 * applied in one place.
 *
 * <p>The compact constructor checks what a record can check on its own; the reader adds the
 * file and scenario to the message. Immutable and thread-safe.
 */
public record Scenario(
    String name,
    int numInstances,
    StrategyKind strategy,
    WorkloadKind workloadType,
    double workDuration,
    int maxConcurrentJobs,
    int repeats,
    double timeout,
    long jobTimeoutMs,
    String description,
    String phase,
    AcquisitionKind acquisition,
    Integer maxJobsActive,
    Double jitterPct,
    TransportKind transport,
    Double failureRate) {

  public Scenario {
    requireText(name, "name");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(workloadType, "workload_type");
    requirePositive(numInstances, "num_instances");
    requirePositive(workDuration, "work_duration");
    requirePositive(maxConcurrentJobs, "max_concurrent_jobs");
    requirePositive(repeats, "repeats");
    requirePositive(timeout, "timeout");
    requirePositive(jobTimeoutMs, "job_timeout_ms");
    description = description == null ? "" : description;
    requireText(phase, "phase");
    if (maxJobsActive != null) {
      requirePositive(maxJobsActive, "max_jobs_active");
    }
    if (jitterPct != null) {
      requireFraction(jitterPct, "jitter_pct");
    }
    if (failureRate != null) {
      requireFraction(failureRate, "failure_rate");
    }
  }

  /** A builder with no field set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this scenario's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .numInstances(numInstances)
        .strategy(strategy)
        .workloadType(workloadType)
        .workDuration(workDuration)
        .maxConcurrentJobs(maxConcurrentJobs)
        .repeats(repeats)
        .timeout(timeout)
        .jobTimeoutMs(jobTimeoutMs)
        .description(description)
        .phase(phase)
        .acquisition(acquisition)
        .maxJobsActive(maxJobsActive)
        .jitterPct(jitterPct)
        .transport(transport)
        .failureRate(failureRate);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
  }

  private static void requirePositive(double value, String field) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be greater than 0, but was " + value);
    }
  }

  private static void requirePositive(long value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          field + " must be greater than 0, but was " + value);
    }
  }

  private static void requireFraction(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          field + " must be between 0 and 1, but was " + value);
    }
  }

  /** Collects a scenario's fields; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private String name;
    private int numInstances;
    private StrategyKind strategy;
    private WorkloadKind workloadType;
    private double workDuration;
    private int maxConcurrentJobs;
    private int repeats;
    private double timeout;
    private long jobTimeoutMs;
    private String description;
    private String phase;
    private AcquisitionKind acquisition;
    private Integer maxJobsActive;
    private Double jitterPct;
    private TransportKind transport;
    private Double failureRate;

    private Builder() {}

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder numInstances(int value) {
      numInstances = value;
      return this;
    }

    public Builder strategy(StrategyKind value) {
      strategy = value;
      return this;
    }

    public Builder workloadType(WorkloadKind value) {
      workloadType = value;
      return this;
    }

    /** Seconds. */
    public Builder workDuration(double value) {
      workDuration = value;
      return this;
    }

    public Builder maxConcurrentJobs(int value) {
      maxConcurrentJobs = value;
      return this;
    }

    public Builder repeats(int value) {
      repeats = value;
      return this;
    }

    /** Seconds. */
    public Builder timeout(double value) {
      timeout = value;
      return this;
    }

    public Builder jobTimeoutMs(long value) {
      jobTimeoutMs = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder phase(String value) {
      phase = value;
      return this;
    }

    /** One of the generated suites' phases, by its id. */
    public Builder phase(Phase value) {
      return phase(value.id());
    }

    public Builder acquisition(AcquisitionKind value) {
      acquisition = value;
      return this;
    }

    public Builder maxJobsActive(Integer value) {
      maxJobsActive = value;
      return this;
    }

    public Builder jitterPct(Double value) {
      jitterPct = value;
      return this;
    }

    public Builder transport(TransportKind value) {
      transport = value;
      return this;
    }

    public Builder failureRate(Double value) {
      failureRate = value;
      return this;
    }

    /**
     * A new scenario.
     *
     * @throws IllegalArgumentException naming the first field that is not valid
     */
    public Scenario build() {
      return new Scenario(
          name,
          numInstances,
          strategy,
          workloadType,
          workDuration,
          maxConcurrentJobs,
          repeats,
          timeout,
          jobTimeoutMs,
          description,
          phase,
          acquisition,
          maxJobsActive,
          jitterPct,
          transport,
          failureRate);
    }
  }
}
