package io.github.workerbench.engine.bpmn;

import java.util.Map;
import java.util.Objects;

/**
 * One service task of a deployed process: its element id, the job type and retries from its
 * {@code zeebe:taskDefinition}, and its custom headers. Immutable.
 */
public record ServiceTask(String elementId, String jobType, int retries, Map<String, String> headers) {

  public ServiceTask {
    Objects.requireNonNull(elementId, "elementId");
    if (jobType == null || jobType.isBlank()) {
      throw new IllegalArgumentException(
          "job type must not be blank, but was '" + jobType + "' (service task '" + elementId + "')");
    }
    if (retries < 0) {
      throw new IllegalArgumentException(
          "retries must not be negative, but was " + retries + " (service task '" + elementId + "')");
    }
    headers = Map.copyOf(headers);
  }
}
