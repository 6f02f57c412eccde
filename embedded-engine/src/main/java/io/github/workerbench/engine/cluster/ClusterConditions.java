package io.github.workerbench.engine.cluster;

/**
 * What a remote cluster adds to the embedded engine's answers: a network and broker round trip of
 * {@code latencyMillis} ± {@code jitterMillis} on every call, and Zeebe's back-pressure, which
 * refuses commands beyond {@code maxInFlight} in flight. {@link #none()} adds nothing (the
 * engine's own speed). Immutable.
 *
 * @param latencyMillis the mean delay added to every call and every streamed job, 0 for none
 * @param jitterMillis the spread of the delay: each is uniform in {@code latency ± jitter}
 * @param maxInFlight the most commands in flight at once before the engine refuses more, 0 for no
 *     limit
 */
public record ClusterConditions(long latencyMillis, long jitterMillis, int maxInFlight) {

  public ClusterConditions {
    if (latencyMillis < 0) {
      throw new IllegalArgumentException(
          "engine latency must not be negative, but was " + latencyMillis + " ms");
    }
    if (jitterMillis < 0 || jitterMillis > latencyMillis) {
      throw new IllegalArgumentException(
          "engine latency jitter must be between 0 and the latency ("
              + latencyMillis
              + " ms), but was "
              + jitterMillis
              + " ms");
    }
    if (maxInFlight < 0) {
      throw new IllegalArgumentException(
          "engine max in-flight must not be negative (0 for no limit), but was " + maxInFlight);
    }
  }

  /** The engine as it is: no added latency, no back-pressure. */
  public static ClusterConditions none() {
    return new ClusterConditions(0, 0, 0);
  }

  /** Whether calls are delayed. */
  public boolean delays() {
    return latencyMillis > 0;
  }

  /** Whether commands beyond a limit are refused. */
  public boolean limits() {
    return maxInFlight > 0;
  }

  /** Whether the engine behaves other than on its own. */
  public boolean active() {
    return delays() || limits();
  }
}
