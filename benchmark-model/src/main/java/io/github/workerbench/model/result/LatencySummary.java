package io.github.workerbench.model.result;

/**
 * Percentiles of one latency distribution, in milliseconds.
 *
 * @param count the number of values recorded
 */
public record LatencySummary(
    long count, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

  /** The summary of a distribution with no values: every figure 0. */
  public static LatencySummary empty() {
    return new LatencySummary(0, 0, 0, 0, 0);
  }
}
