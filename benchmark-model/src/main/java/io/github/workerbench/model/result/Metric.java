package io.github.workerbench.model.result;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a repeat, by the name they have in results files (docs/RESULTS_FORMAT.md) and
 * with their unit, in the documented order. Results files, reports and the command line look
 * metrics up here rather than by name strings; a summary over the repeats is named by {@link
 * #fileName(MetricSummary.Statistic)}, e.g. {@code jobs_per_second_avg}.
 */
public enum Metric {
  TOTAL_TIME("total_time", Unit.SECONDS, RepeatMetrics::totalTimeSeconds),
  JOBS_COMPLETED("jobs_completed", Unit.COUNT, RepeatMetrics::jobsCompleted),
  EXPECTED_JOBS("expected_jobs", Unit.COUNT, RepeatMetrics::expectedJobs),
  JOBS_PER_SECOND("jobs_per_second", Unit.PER_SECOND, RepeatMetrics::jobsPerSecond),
  IDEAL_TIME("ideal_time", Unit.SECONDS, RepeatMetrics::idealTimeSeconds),
  EFFICIENCY("efficiency", Unit.RATIO, RepeatMetrics::efficiency),
  LATENCY_P50("latency_p50_ms", Unit.MILLISECONDS, r -> r.latency().p50Millis()),
  LATENCY_P95("latency_p95_ms", Unit.MILLISECONDS, r -> r.latency().p95Millis()),
  LATENCY_P99("latency_p99_ms", Unit.MILLISECONDS, r -> r.latency().p99Millis()),
  LATENCY_MAX("latency_max_ms", Unit.MILLISECONDS, r -> r.latency().maxMillis()),
  START_DELAY_P50("start_delay_p50_ms", Unit.MILLISECONDS, r -> r.startDelay().p50Millis()),
  START_DELAY_P95("start_delay_p95_ms", Unit.MILLISECONDS, r -> r.startDelay().p95Millis()),
  START_DELAY_P99("start_delay_p99_ms", Unit.MILLISECONDS, r -> r.startDelay().p99Millis()),
  START_DELAY_MAX("start_delay_max_ms", Unit.MILLISECONDS, r -> r.startDelay().maxMillis()),
  PEAK_IN_FLIGHT("peak_in_flight", Unit.COUNT, RepeatMetrics::peakInFlight),
  MEMORY_PEAK("memory_peak_mb", Unit.MEBIBYTES, RepeatMetrics::memoryPeakMb),
  MAX_RSS("max_rss_mb", Unit.MEBIBYTES, RepeatMetrics::maxRssMb),
  RSS_DELTA("rss_delta_mb", Unit.MEBIBYTES, RepeatMetrics::rssDeltaMb),
  CPU_SECONDS("cpu_seconds", Unit.SECONDS, RepeatMetrics::cpuSeconds),
  CPU_UTILIZATION("cpu_utilization", Unit.RATIO, RepeatMetrics::cpuUtilization),
  PEAK_THREADS("peak_threads", Unit.COUNT, RepeatMetrics::peakThreads),
  GC_SECONDS("gc_seconds", Unit.SECONDS, RepeatMetrics::gcSeconds),
  REDELIVERIES("redeliveries", Unit.COUNT, RepeatMetrics::redeliveries),
  FAILED_JOBS("failed_jobs", Unit.COUNT, RepeatMetrics::failedJobs),
  INCIDENTS("incidents", Unit.COUNT, RepeatMetrics::incidents);

  private final String fileName;
  private final Unit unit;
  private final ToDoubleFunction<RepeatMetrics> value;

  Metric(String fileName, Unit unit, ToDoubleFunction<RepeatMetrics> value) {
    this.fileName = fileName;
    this.unit = unit;
    this.value = value;
  }

  /** The name in results files, e.g. {@code latency_p99_ms}; it also holds the mean. */
  public String fileName() {
    return fileName;
  }

  /** The name of a summary over the repeats, e.g. {@code latency_p99_ms_ci95}. */
  public String fileName(MetricSummary.Statistic statistic) {
    return fileName + statistic.suffix();
  }

  /** The unit of its values. */
  public Unit unit() {
    return unit;
  }

  /** This metric's value in one repeat. */
  public double of(RepeatMetrics repeat) {
    return value.applyAsDouble(repeat);
  }

  /** The metric with this results-file name, or empty. */
  public static Optional<Metric> byFileName(String name) {
    for (Metric metric : values()) {
      if (metric.fileName.equals(name)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }

  /** The unit of a metric, as docs/RESULTS_FORMAT.md writes it. */
  public enum Unit {
    SECONDS("s"),
    /** Whole numbers: results files write them without a fraction in {@code repeat_results}. */
    COUNT("count"),
    PER_SECOND("1/s"),
    RATIO("ratio"),
    MILLISECONDS("ms"),
    MEBIBYTES("MiB");

    private final String symbol;

    Unit(String symbol) {
      this.symbol = symbol;
    }

    /** The unit as docs write it, e.g. {@code ms}. */
    public String symbol() {
      return symbol;
    }
  }
}
