package io.github.workerbench.core;

/**
 * A run-time failure of the harness itself (not of a measured job), phrased "Expected to X, but
 * Y", with a remedy where there is one. Subclasses name the stage that failed.
 */
public class BenchmarkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BenchmarkException(String message) {
    super(message);
  }

  public BenchmarkException(String message, Throwable cause) {
    super(message, cause);
  }
}
