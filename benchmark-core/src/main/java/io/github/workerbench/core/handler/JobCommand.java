package io.github.workerbench.core.handler;

import java.time.Duration;
import java.util.Objects;

/**
 * One command a handler sent for its job, as the harness records and forwards it: complete, fail
 * or throw an error, with what the handler set on it. Immutable.
 *
 * @param kind what the command does
 * @param jobKey the job's key
 * @param variables the variables as a JSON object's text, or {@code null} when none were set
 * @param retries a failure's retries left (0 for the others)
 * @param retryBackoff a failure's backoff ({@link Duration#ZERO} for none)
 * @param errorMessage a failure's or error's message, or {@code null}
 * @param errorCode an error's code, or {@code null}
 */
public record JobCommand(
    Kind kind,
    long jobKey,
    String variables,
    int retries,
    Duration retryBackoff,
    String errorMessage,
    String errorCode) {

  public JobCommand {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
  }

  /** What a command does. */
  public enum Kind {
    COMPLETE,
    FAIL,
    THROW_ERROR
  }
}
