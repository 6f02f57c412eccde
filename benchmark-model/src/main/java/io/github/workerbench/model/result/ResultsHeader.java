package io.github.workerbench.model.result;

import java.time.Instant;
import java.util.Objects;

/**
 * The suite-level fields of a results file (docs/RESULTS_FORMAT.md).
 *
 * @param generatedAt when the run that wrote the file started
 * @param scenariosFile the scenario file the run read, or {@code suite:<name>} for a generated
 *     suite
 * @param engine the engine kind ({@code embedded}, {@code container}, {@code remote})
 * @param durationScale the factor applied to work duration and timeout
 * @param engineSetup the engine's image, scope and CPUs
 */
public record ResultsHeader(
    Instant generatedAt,
    String scenariosFile,
    String engine,
    double durationScale,
    EngineSetup engineSetup) {

  public ResultsHeader {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(scenariosFile, "scenariosFile");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(engineSetup, "engineSetup");
    if (!(durationScale > 0) || Double.isInfinite(durationScale)) {
      throw new IllegalArgumentException(
          "duration scale must be greater than 0, but was " + durationScale);
    }
  }

  /** A header with nothing known of the engine beyond its kind. */
  public ResultsHeader(
      Instant generatedAt, String scenariosFile, String engine, double durationScale) {
    this(generatedAt, scenariosFile, engine, durationScale, EngineSetup.unknown());
  }
}
