package io.github.workerbench.engine;

/** The engine could not start, typically because a port is in use. The message says which. */
public final class EngineStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
