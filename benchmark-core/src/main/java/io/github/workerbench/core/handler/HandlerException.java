package io.github.workerbench.core.handler;

/**
 * A user's handler that cannot run: its jar or class is missing, it is no job handler, it has no
 * public constructor without arguments, its constructor threw, or the strategy cannot run it. Bad
 * input: the message is one line naming the class and the jar; the command line prints it and
 * exits 2, nothing run.
 */
public final class HandlerException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  HandlerException(String message) {
    super(message);
  }

  HandlerException(String message, Throwable cause) {
    super(message, cause);
  }
}
