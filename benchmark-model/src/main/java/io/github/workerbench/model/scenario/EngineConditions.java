package io.github.workerbench.model.scenario;

/**
 * What a scenario asks of the embedded engine beyond its own speed: the latency of a cluster
 * milliseconds away and its back-pressure ({@code engine_latency_ms}, {@code
 * engine_latency_jitter_ms}, {@code engine_max_inflight}; the command line's {@code
 * --engine-latency-ms}, {@code --engine-latency-jitter-ms}, {@code --engine-max-inflight}).
 * Immutable.
 *
 * @param latencyMillis added to every call's answer and every streamed job, 0 for none
 * @param jitterMillis the spread of that delay (uniform in latency ± jitter), at most the latency
 * @param maxInFlight commands in flight beyond which the engine refuses more as Zeebe's
 *     back-pressure does, 0 for no limit
 */
public record EngineConditions(long latencyMillis, long jitterMillis, int maxInFlight) {

  /** The engine as it is. */
  public static final EngineConditions NONE = new EngineConditions(0, 0, 0);

  public EngineConditions {
    if (latencyMillis < 0) {
      throw new IllegalArgumentException(
          "engine_latency_ms must not be negative, but was " + latencyMillis);
    }
    if (jitterMillis < 0 || jitterMillis > latencyMillis) {
      throw new IllegalArgumentException(
          "engine_latency_jitter_ms must be between 0 and engine_latency_ms ("
              + latencyMillis
              + "), but was "
              + jitterMillis);
    }
    if (maxInFlight < 0) {
      throw new IllegalArgumentException(
          "engine_max_inflight must not be negative (0 for no limit), but was " + maxInFlight);
    }
  }

  /** Whether these conditions change anything. */
  public boolean active() {
    return latencyMillis > 0 || maxInFlight > 0;
  }

  /** E.g. {@code 25 ± 5 ms, max 100 in flight}; {@code none} when inactive. */
  public String describe() {
    if (!active()) {
      return "none";
    }
    String latency = latencyMillis + (jitterMillis > 0 ? " ± " + jitterMillis : "") + " ms";
    return maxInFlight > 0 ? latency + ", max " + maxInFlight + " in flight" : latency;
  }
}
