package io.github.workerbench.engine.state;

/**
 * A creation awaiting its result whose instance did not complete within the request timeout. Not
 * a rejection: the instance was created and goes on running. gRPC answers DEADLINE_EXCEEDED, REST
 * 504.
 */
public final class ResultTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ResultTimeoutException(long timeoutMillis) {
    super(
        "Expected the process instance to complete within " + timeoutMillis + " ms, but it did not",
        null,
        false,
        false);
  }
}
