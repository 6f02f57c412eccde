package io.github.workerbench.engine.bpmn;

import java.util.List;
import java.util.Objects;

/**
 * A process the embedded engine can run: a none start event, one or more service tasks in
 * sequence, an end event. Immutable.
 *
 * @param bpmnProcessId the id of the executable {@code bpmn:process}
 * @param tasks the service tasks in the order a token passes them; never empty
 */
public record ProcessModel(String bpmnProcessId, List<ServiceTask> tasks) {

  public ProcessModel {
    Objects.requireNonNull(bpmnProcessId, "bpmnProcessId");
    tasks = List.copyOf(tasks);
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException(
          "a process must have at least one service task, but '" + bpmnProcessId + "' has none");
    }
  }
}
