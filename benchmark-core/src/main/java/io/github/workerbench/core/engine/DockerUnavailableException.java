package io.github.workerbench.core.engine;

/**
 * The container engine cannot be used on this machine: no Docker daemon answers, or
 * Testcontainers needs an image that is absent and cannot be pulled. An environment the user
 * must fix (the CLI says so in one line and exits 2; tests skip with the message), never a
 * measured failure.
 */
public final class DockerUnavailableException extends EngineStartException {

  private static final long serialVersionUID = 1L;

  public DockerUnavailableException(String message) {
    super(message);
  }
}
