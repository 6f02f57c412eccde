package io.github.workerbench.model.result;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one repeat of a scenario. Names carry units; {@link Metric} names them as the
 * results file does (docs/RESULTS_FORMAT.md).
 *
 * @param repeat 1-based index of the repeat
 * @param latency job creation to completion
 * @param startDelay job activation to handler start
 * @param cpuUtilization the CPU the process and its child processes used during the window, over
 *     the window times the cores (ratio; 1 = every core busy the whole window)
 * @param diagnosis why the window took longer than the ideal ({@link Diagnosis#NOT_MEASURED}
 *     without a window)
 */
public record RepeatMetrics(
    int repeat,
    RunStatus status,
    String error,
    double totalTimeSeconds,
    long jobsCompleted,
    long expectedJobs,
    double jobsPerSecond,
    double idealTimeSeconds,
    double efficiency,
    LatencySummary latency,
    LatencySummary startDelay,
    int peakInFlight,
    double memoryPeakMb,
    double maxRssMb,
    double rssDeltaMb,
    double cpuSeconds,
    double cpuUtilization,
    int peakThreads,
    double gcSeconds,
    long redeliveries,
    long failedJobs,
    long incidents,
    Diagnosis diagnosis) {

  public RepeatMetrics {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(startDelay, "startDelay");
  }

  /**
   * Each metric summarized over these repeats, in the documented order: empty when there are
   * none.
   */
  public static Map<Metric, MetricSummary> summaries(List<RepeatMetrics> repeats) {
    Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
    if (repeats.isEmpty()) {
      return summaries;
    }
    for (Metric metric : Metric.values()) {
      summaries.put(metric, MetricSummary.of(repeats.stream().mapToDouble(metric::of).toArray()));
    }
    return summaries;
  }

  /** A builder with every figure 0 and status {@link RunStatus#SUCCESS}. */
  public static Builder builder(int repeat) {
    return new Builder(repeat);
  }

  /** Collects a repeat's figures. Not thread-safe. */
  public static final class Builder {
    private final int repeat;
    private RunStatus status = RunStatus.SUCCESS;
    private String error;
    private double totalTimeSeconds;
    private long jobsCompleted;
    private long expectedJobs;
    private double jobsPerSecond;
    private double idealTimeSeconds;
    private double efficiency;
    private LatencySummary latency = LatencySummary.empty();
    private LatencySummary startDelay = LatencySummary.empty();
    private int peakInFlight;
    private double memoryPeakMb;
    private double maxRssMb;
    private double rssDeltaMb;
    private double cpuSeconds;
    private double cpuUtilization;
    private int peakThreads;
    private double gcSeconds;
    private long redeliveries;
    private long failedJobs;
    private long incidents;
    private SlotUse slotUse = SlotUse.NOT_MEASURED;
    private Diagnosis.Context diagnosisContext;

    private Builder(int repeat) {
      this.repeat = repeat;
    }

    public Builder status(RunStatus value) {
      status = value;
      return this;
    }

    public Builder error(String value) {
      error = value;
      return this;
    }

    public Builder totalTimeSeconds(double value) {
      totalTimeSeconds = value;
      return this;
    }

    public Builder jobsCompleted(long value) {
      jobsCompleted = value;
      return this;
    }

    public Builder expectedJobs(long value) {
      expectedJobs = value;
      return this;
    }

    public Builder jobsPerSecond(double value) {
      jobsPerSecond = value;
      return this;
    }

    public Builder idealTimeSeconds(double value) {
      idealTimeSeconds = value;
      return this;
    }

    public Builder efficiency(double value) {
      efficiency = value;
      return this;
    }

    /**
     * The measured window of {@code totalSeconds}: sets the total time and, when it is positive,
     * jobs per second and efficiency from the jobs completed, the expected jobs and the ideal
     * time set before. A partial repeat is credited only with the ideal time of the jobs it
     * completed.
     */
    public Builder window(double totalSeconds) {
      totalTimeSeconds = totalSeconds;
      if (totalSeconds > 0) {
        jobsPerSecond = jobsCompleted / totalSeconds;
        efficiency =
            expectedJobs > 0 ? idealTimeSeconds * jobsCompleted / expectedJobs / totalSeconds : 0;
      }
      return this;
    }

    public Builder latency(LatencySummary value) {
      latency = value;
      return this;
    }

    public Builder startDelay(LatencySummary value) {
      startDelay = value;
      return this;
    }

    public Builder peakInFlight(int value) {
      peakInFlight = value;
      return this;
    }

    public Builder memoryPeakMb(double value) {
      memoryPeakMb = value;
      return this;
    }

    public Builder maxRssMb(double value) {
      maxRssMb = value;
      return this;
    }

    public Builder rssDeltaMb(double value) {
      rssDeltaMb = value;
      return this;
    }

    public Builder cpuSeconds(double value) {
      cpuSeconds = value;
      return this;
    }

    /** The CPU share of the cores the process tree used during the window (ratio). */
    public Builder cpuUtilization(double value) {
      cpuUtilization = value;
      return this;
    }

    /** How the window's slots were used; the diagnosis is read from it at {@link #build()}. */
    public Builder slotUse(SlotUse value) {
      slotUse = Objects.requireNonNull(value, "slotUse");
      return this;
    }

    /**
     * What the diagnosis is read with (the plan and the cores); without it the repeat is not
     * diagnosed ({@link Diagnosis#NOT_MEASURED}).
     */
    public Builder diagnosisContext(Diagnosis.Context value) {
      diagnosisContext = value;
      return this;
    }

    public Builder peakThreads(int value) {
      peakThreads = value;
      return this;
    }

    public Builder gcSeconds(double value) {
      gcSeconds = value;
      return this;
    }

    public Builder redeliveries(long value) {
      redeliveries = value;
      return this;
    }

    public Builder failedJobs(long value) {
      failedJobs = value;
      return this;
    }

    public Builder incidents(long value) {
      incidents = value;
      return this;
    }

    /** The repeat's figures, diagnosed from its slot use when a context was given. */
    public RepeatMetrics build() {
      Diagnosis diagnosis =
          diagnosisContext == null
              ? Diagnosis.NOT_MEASURED
              : Diagnosis.of(slotUse, efficiency, cpuUtilization, diagnosisContext);
      return new RepeatMetrics(
          repeat, status, error, totalTimeSeconds, jobsCompleted, expectedJobs, jobsPerSecond,
          idealTimeSeconds, efficiency, latency, startDelay, peakInFlight, memoryPeakMb,
          maxRssMb, rssDeltaMb, cpuSeconds, cpuUtilization, peakThreads, gcSeconds, redeliveries,
          failedJobs, incidents, diagnosis);
    }
  }
}
