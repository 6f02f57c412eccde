package io.github.workerbench.model.result;

/**
 * A results file that cannot be used: not written by Worker Bench, corrupt, or unreadable. The
 * message names the file and says what to do. The CLI prints it and exits 2.
 */
public final class ResultsFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ResultsFileException(String message) {
    super(message);
  }

  public ResultsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
