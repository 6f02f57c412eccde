package io.github.workerbench.core.workload;

/**
 * A job's work failed (a non-zero exit, a time limit, an injected failure). It is a measured
 * outcome: the job is reported failed to the engine, the run goes on.
 */
public class WorkFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WorkFailedException(String message) {
    super(message);
  }

  public WorkFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
