package io.github.workerbench.engine.state;

/** A command the engine refused, with Zeebe's kind of rejection and a readable reason. */
public final class CommandRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RejectionType type;

  public CommandRejectedException(RejectionType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public RejectionType type() {
    return type;
  }
}
