package io.github.workerbench.engine.bpmn;

/**
 * A BPMN resource the embedded engine refuses at deploy time: unreadable XML, or an element
 * outside its subset (start event, service tasks in sequence, end event). The message names the
 * element; both protocols report it as an invalid argument.
 */
public final class UnsupportedModelException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public UnsupportedModelException(String message) {
    super(message);
  }

  public UnsupportedModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
