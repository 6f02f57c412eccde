package io.github.workerbench.report;

/**
 * A results file the reports cannot use: missing, unreadable, not JSON or not a results file.
 * The message is one line that names the file, fit for the CLI to print as it is.
 */
public class ReportInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ReportInputException(String message) {
    super(message);
  }

  public ReportInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
