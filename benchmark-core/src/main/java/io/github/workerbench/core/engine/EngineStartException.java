package io.github.workerbench.core.engine;

import io.github.workerbench.core.BenchmarkException;

/** The engine could not be started or reached. */
public class EngineStartException extends BenchmarkException {

  private static final long serialVersionUID = 1L;

  public EngineStartException(String message) {
    super(message);
  }

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
