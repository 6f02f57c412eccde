package io.github.workerbench.core.run;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Tells an engine's back-pressure refusal from other failures, as the Camunda client reports it:
 * over gRPC a {@code RESOURCE_EXHAUSTED} status (what the client's own retries gave up on), over
 * REST a problem titled {@code RESOURCE_EXHAUSTED} (503 since Camunda 8.8, 429 before). Stateless.
 */
final class BackPressure {

  private static final String RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED";

  private BackPressure() {}

  /** Whether {@code error} (or a cause of it) is a back-pressure refusal. */
  static boolean refused(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClientStatusException status
          && status.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
        return true;
      }
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
        return true;
      }
      if (t instanceof ProblemException problem
          && problem.details() != null
          && RESOURCE_EXHAUSTED.equals(problem.details().getTitle())) {
        return true;
      }
    }
    return false;
  }
}
