package io.github.workerbench.engine.state;

import java.util.List;

/**
 * A request to activate jobs of one type, from a poll or a stream.
 *
 * @param type the job type
 * @param worker the worker name recorded on the jobs; may be blank, as Camunda's engine accepts
 *     since 0.26 (the name is for logging only)
 * @param timeoutMillis how long an activation lasts before the job is activatable again; > 0
 * @param maxJobs the most jobs one poll answer carries (streams: ignored)
 * @param fetchVariables variable names to send; empty means all
 */
public record ActivationRequest(
    String type, String worker, long timeoutMillis, int maxJobs, List<String> fetchVariables) {

  public ActivationRequest {
    if (type == null || type.isBlank()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected to activate jobs of a type, but type is blank");
    }
    if (timeoutMillis < 1) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected job timeout to be at least 1 ms, but was " + timeoutMillis);
    }
    worker = worker == null ? "" : worker;
    fetchVariables = fetchVariables == null ? List.of() : List.copyOf(fetchVariables);
  }
}
