package io.github.workerbench.model.scenario;

/**
 * A scenario file the harness cannot run, with one message that names the file, the scenario (by
 * name, or by its 1-based position when it has no name) and the field, e.g. {@code scenarios.json:
 * scenario 'load_async_10': max_concurrent_jobs must be greater than 0, but was -1}. Thrown before
 * anything runs; the CLI prints the message and exits 2.
 */
public final class ScenarioFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String scenario;
  private final String field;

  /**
   * A problem with one file, one scenario of it, or one field of one scenario.
   *
   * @param file the file as the user named it
   * @param scenario {@code 'name'} or {@code #3}, or {@code null} when the whole file is wrong
   * @param field the JSON field, or {@code null} when the problem is not one field's
   * @param problem what is wrong, phrased for the user
   */
  public ScenarioFileException(String file, String scenario, String field, String problem) {
    this(file, scenario, field, problem, null);
  }

  /** As {@link #ScenarioFileException(String, String, String, String)}, keeping the cause. */
  public ScenarioFileException(
      String file, String scenario, String field, String problem, Throwable cause) {
    super(compose(file, scenario, problem), cause);
    this.file = file;
    this.scenario = scenario;
    this.field = field;
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  /** The scenario ({@code 'name'} or {@code #index}), or {@code null} for a file-wide problem. */
  public String scenario() {
    return scenario;
  }

  /** The JSON field at fault, or {@code null}. */
  public String field() {
    return field;
  }

  private static String compose(String file, String scenario, String problem) {
    StringBuilder message = new StringBuilder(file).append(": ");
    if (scenario != null) {
      message.append("scenario ").append(scenario).append(": ");
    }
    return message.append(problem).toString();
  }
}
