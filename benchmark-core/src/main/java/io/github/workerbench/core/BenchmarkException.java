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

  /**
   * The message of a failure's root cause, or its class's simple name when it has none: the
   * part of a wrapped failure worth showing, e.g. {@code Connection refused}.
   */
  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
