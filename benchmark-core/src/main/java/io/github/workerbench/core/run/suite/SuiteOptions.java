package io.github.workerbench.core.run.suite;

/**
 * How to run a suite.
 *
 * @param limit run only the first {@code limit} scenarios (after the phase filter); 0 for all
 * @param phase run only the scenarios of this phase; {@code null} for all
 * @param continueOnError go on after a failed scenario (else stop at the first)
 * @param resume keep the successful results already in the results file and run the rest
 * @param durationScale the factor applied to every work duration and timeout
 */
public record SuiteOptions(
    int limit, String phase, boolean continueOnError, boolean resume, double durationScale) {

  public SuiteOptions {
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be greater than 0, but was " + limit);
    }
    if (!(durationScale > 0) || Double.isInfinite(durationScale)) {
      throw new IllegalArgumentException(
          "--duration-scale must be greater than 0, but was " + durationScale);
    }
  }

  /** Every scenario, stop at the first failure, no resume, scale 1. */
  public static SuiteOptions defaults() {
    return new SuiteOptions(0, null, false, false, 1.0);
  }

  public SuiteOptions withLimit(int value) {
    return new SuiteOptions(value, phase, continueOnError, resume, durationScale);
  }

  public SuiteOptions withPhase(String value) {
    return new SuiteOptions(limit, value, continueOnError, resume, durationScale);
  }

  public SuiteOptions withContinueOnError(boolean value) {
    return new SuiteOptions(limit, phase, value, resume, durationScale);
  }

  public SuiteOptions withResume(boolean value) {
    return new SuiteOptions(limit, phase, continueOnError, value, durationScale);
  }

  public SuiteOptions withDurationScale(double value) {
    return new SuiteOptions(limit, phase, continueOnError, resume, value);
  }
}
