package io.github.workerbench.model.result;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A metric over a scenario's repeats: mean, extremes, sample standard deviation and the
 * half-width of the 95% confidence interval of the mean (Student's t). With one value the
 * deviation and the interval are 0.
 */
public record MetricSummary(double avg, double min, double max, double std, double ci95) {

  /** The figures of a summary, by the suffix its name takes in results files. */
  public enum Statistic {
    AVG("_avg", MetricSummary::avg),
    MIN("_min", MetricSummary::min),
    MAX("_max", MetricSummary::max),
    STD("_std", MetricSummary::std),
    CI95("_ci95", MetricSummary::ci95);

    private final String suffix;
    private final ToDoubleFunction<MetricSummary> value;

    Statistic(String suffix, ToDoubleFunction<MetricSummary> value) {
      this.suffix = suffix;
      this.value = value;
    }

    /** What follows the metric's name, e.g. {@code _ci95}. */
    public String suffix() {
      return suffix;
    }

    /** This figure of a summary. */
    public double of(MetricSummary summary) {
      return value.applyAsDouble(summary);
    }
  }

  /** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
  private static final double[] T_975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
  };

  /**
   * The summary of these values.
   *
   * @throws IllegalArgumentException when there are none
   */
  public static MetricSummary of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a metric summary needs at least one value");
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double min = Arrays.stream(values).min().orElseThrow();
    double max = Arrays.stream(values).max().orElseThrow();
    if (values.length == 1) {
      return new MetricSummary(mean, min, max, 0, 0);
    }
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    int degreesOfFreedom = values.length - 1;
    double std = Math.sqrt(squares / degreesOfFreedom);
    double t = degreesOfFreedom <= T_975.length ? T_975[degreesOfFreedom - 1] : 1.960;
    return new MetricSummary(mean, min, max, std, t * std / Math.sqrt(values.length));
  }
}
