package io.github.workerbench.report;

import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One result of a results file as the reports see it: the few fields every report needs, typed,
 * plus every field of the file as text in file order (for the CSV and the HTML table).
 *
 * <p>Rows come from our results files and from the seed's Python runner alike, so any figure may
 * be absent: absent figures are empty {@link OptionalDouble}s, never 0. The strategy is kept as
 * the text of the file, so strategies this project does not know still report.
 *
 * @param name the scenario name
 * @param phase the phase id, e.g. {@code 3_concurrency_scaling}; {@code "unknown"} when absent
 * @param strategy the requested strategy id, e.g. {@code async}
 * @param workloadType the workload id, e.g. {@code cpu}
 * @param numInstances jobs in the scenario (0 when absent)
 * @param workDurationSeconds the work per job in seconds (0 when absent)
 * @param maxConcurrentJobs the concurrency limit (0 when absent)
 * @param repeats how many repeats ran (1 when absent)
 * @param status {@code success}, {@code failed}, {@code interrupted} or what the file says
 * @param error the reason when not a success, else empty
 * @param jobsPerSecond mean throughput over the repeats, in jobs per second
 * @param jobsPerSecondCi95 half-width of its 95% confidence interval, in jobs per second
 * @param efficiency ideal time over measured time (ratio, 1.0 = ideal); read, or derived from
 *     {@code total_time} where the file lacks it
 * @param fields every field of the result as text, in file order; nested values as compact JSON
 */
public record ReportRow(
    String name,
    String phase,
    String strategy,
    String workloadType,
    int numInstances,
    double workDurationSeconds,
    int maxConcurrentJobs,
    int repeats,
    String status,
    String error,
    OptionalDouble jobsPerSecond,
    OptionalDouble jobsPerSecondCi95,
    OptionalDouble efficiency,
    Map<String, String> fields) {

  public ReportRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(workloadType, "workloadType");
    Objects.requireNonNull(status, "status");
    error = error == null ? "" : error;
    Objects.requireNonNull(jobsPerSecond, "jobsPerSecond");
    Objects.requireNonNull(jobsPerSecondCi95, "jobsPerSecondCi95");
    Objects.requireNonNull(efficiency, "efficiency");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Whether the scenario succeeded and has a throughput, so it counts in comparisons. */
  public boolean measured() {
    return "success".equalsIgnoreCase(status) && jobsPerSecond.isPresent();
  }

  /** The mean throughput, or 0 when absent: only for rows that are {@link #measured()}. */
  public double throughput() {
    return jobsPerSecond.orElse(0);
  }

  /**
   * A metric's mean over the repeats: its {@code _avg} field, else its plain one (the seed writes
   * some only plain); empty when absent or not a number.
   */
  public OptionalDouble metric(Metric metric) {
    OptionalDouble average = number(metric.fileName(MetricSummary.Statistic.AVG));
    return average.isPresent() ? average : number(metric.fileName());
  }

  /** A numeric field by its exact results-file name; empty when absent or not a number. */
  public OptionalDouble number(String key) {
    String text = fields.get(key);
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    } catch (NumberFormatException notANumber) {
      return OptionalDouble.empty();
    }
  }
}
