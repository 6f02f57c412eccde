package io.github.workerbench.model.scenario;

import java.util.Objects;

/**
 * One scenario as the user wrote it: the guide's custom-scenario JSON object, field for field,
 * with this project's optional additions left {@code null} when absent.
 *
 * <p>Required fields (JSON names in brackets): name, num_instances, strategy, workload_type,
 * work_duration (seconds), max_concurrent_jobs, repeats, timeout (seconds), job_timeout_ms,
 * description, phase. Optional: acquisition, max_jobs_active, jitter_pct, transport,
 * failure_rate; engine_latency_ms, engine_latency_jitter_ms, engine_max_inflight (the embedded
 * engine as a remote cluster, {@link EngineConditions}); handler, handler_classpath, variables
 * (the user's own job handler: a class name, the jar or class path holding it, and the JSON object
 * of variables every instance is created with). What runs is the {@link ScenarioPlan} resolved
 * from it, with every default applied in one place.
 *
 * <p>With a {@code handler}, {@code workload_type} says what the handler's work is like (it sets
 * the ideal time and what {@code auto} resolves to) and {@code work_duration} how long one run is
 * expected to take; {@code jitter_pct} and {@code failure_rate}, which shape the harness's own
 * work, cannot apply and must be left out or 0.
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
    Double failureRate,
    Long engineLatencyMs,
    Long engineLatencyJitterMs,
    Integer engineMaxInflight,
    String handler,
    String handlerClasspath,
    String variables) {

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
    // checks latency ≥ 0, 0 ≤ jitter ≤ latency and max in flight ≥ 0, naming the field
    new EngineConditions(
        engineLatencyMs == null ? 0 : engineLatencyMs,
        engineLatencyJitterMs == null ? 0 : engineLatencyJitterMs,
        engineMaxInflight == null ? 0 : engineMaxInflight);
    if (handler != null) {
      requireText(handler, "handler");
      if (failureRate != null && failureRate != 0) {
        throw new IllegalArgumentException(
            "failure_rate injects failures into the harness's own work and cannot apply to a"
                + " handler, but was " + failureRate + "; leave it out (a handler that throws is a"
                + " failed job already)");
      }
      if (jitterPct != null && jitterPct != 0) {
        throw new IllegalArgumentException(
            "jitter_pct spreads the harness's own work durations and cannot apply to a handler,"
                + " but was " + jitterPct + "; leave it out");
      }
    } else if (handlerClasspath != null) {
      throw new IllegalArgumentException("handler_classpath needs handler (the class to run)");
    }
    if (handlerClasspath != null) {
      requireText(handlerClasspath, "handler_classpath");
    }
    if (variables != null && !variables.strip().startsWith("{")) {
      throw new IllegalArgumentException("variables must be a JSON object, but was " + variables);
    }
  }

  /** What this scenario asks of the embedded engine; {@link EngineConditions#NONE} when unset. */
  public EngineConditions engineConditions() {
    return new EngineConditions(
        engineLatencyMs == null ? 0 : engineLatencyMs,
        engineLatencyJitterMs == null ? 0 : engineLatencyJitterMs,
        engineMaxInflight == null ? 0 : engineMaxInflight);
  }

  /**
   * This scenario with {@code conditions} for every engine field it leaves out (a run's
   * {@code --engine-latency-ms} and the like); the ones it sets are kept.
   *
   * @throws IllegalArgumentException when the combination is not valid (a jitter above the
   *     latency)
   */
  public Scenario withEngineDefaults(EngineConditions conditions) {
    if (!conditions.active() && conditions.jitterMillis() == 0) {
      return this;
    }
    Builder builder = toBuilder();
    if (engineLatencyMs == null && conditions.latencyMillis() > 0) {
      builder.engineLatencyMs(conditions.latencyMillis());
    }
    if (engineLatencyJitterMs == null && conditions.jitterMillis() > 0) {
      builder.engineLatencyJitterMs(conditions.jitterMillis());
    }
    if (engineMaxInflight == null && conditions.maxInFlight() > 0) {
      builder.engineMaxInflight(conditions.maxInFlight());
    }
    return builder.build();
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
        .failureRate(failureRate)
        .engineLatencyMs(engineLatencyMs)
        .engineLatencyJitterMs(engineLatencyJitterMs)
        .engineMaxInflight(engineMaxInflight)
        .handler(handler)
        .handlerClasspath(handlerClasspath)
        .variables(variables);
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
    private Long engineLatencyMs;
    private Long engineLatencyJitterMs;
    private Integer engineMaxInflight;
    private String handler;
    private String handlerClasspath;
    private String variables;

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

    /** Milliseconds the embedded engine adds to every answer; null to leave it out. */
    public Builder engineLatencyMs(Long value) {
      engineLatencyMs = value;
      return this;
    }

    /** Milliseconds of spread around the latency; null to leave it out. */
    public Builder engineLatencyJitterMs(Long value) {
      engineLatencyJitterMs = value;
      return this;
    }

    /** Commands in flight beyond which the embedded engine refuses more; null to leave it out. */
    public Builder engineMaxInflight(Integer value) {
      engineMaxInflight = value;
      return this;
    }

    /** The user's job handler class, e.g. {@code com.acme.MyHandler}; null for the harness's work. */
    public Builder handler(String value) {
      handler = value;
      return this;
    }

    /** The jar (or class path) holding the handler, as written; null when on the harness's own. */
    public Builder handlerClasspath(String value) {
      handlerClasspath = value;
      return this;
    }

    /** The JSON object of variables every instance is created with; null for none. */
    public Builder variables(String value) {
      variables = value;
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
          failureRate,
          engineLatencyMs,
          engineLatencyJitterMs,
          engineMaxInflight,
          handler,
          handlerClasspath,
          variables);
    }
  }
}
