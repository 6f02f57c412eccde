package io.github.workerbench.engine.bpmn;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a BPMN resource into a {@link ProcessModel}.
 *
 * <p>The walk starts at the single none start event and follows the only outgoing sequence flow
 * of each node until an end event; every node must be a service task with a {@code
 * zeebe:taskDefinition}. Any other element (gateway, boundary event, timer, sub-process, a second
 * branch) is refused with {@link UnsupportedModelException} naming the element's type and id.
 * Stateless and thread-safe.
 */
public final class ProcessModelParser {

  /** Zeebe's default when a task definition has no retries attribute. */
  private static final int DEFAULT_RETRIES = 3;

  /**
   * Parses one resource.
   *
   * @param resourceName the name it was deployed under, for messages
   * @param content the BPMN XML
   * @throws UnsupportedModelException when the XML is unreadable or leaves the supported subset
   */
  public ProcessModel parse(String resourceName, byte[] content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      throw new UnsupportedModelException(
          "Expected to read '" + resourceName + "' as BPMN XML, but: " + e.getMessage(), e);
    }
    Process process =
        single(
            model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList(),
            "executable process in '" + resourceName + "'");
    Collection<FlowElement> elements = process.getFlowElements();
    for (FlowElement element : elements) {
      if (!(element instanceof StartEvent
          || element instanceof EndEvent
          || element instanceof SequenceFlow
          || element instanceof io.camunda.zeebe.model.bpmn.instance.ServiceTask)) {
        throw unsupported(element, resourceName);
      }
    }
    StartEvent start =
        single(
            elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast).toList(),
            "start event in process '" + process.getId() + "'");
    requireNoEventDefinitions(start.getEventDefinitions().isEmpty(), start, resourceName);

    List<ServiceTask> tasks = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    FlowNode node = start;
    while (!(node instanceof EndEvent)) {
      if (!visited.add(node.getId())) {
        throw new UnsupportedModelException(
            "Expected a sequence without loops, but element '" + node.getId() + "' is reached twice");
      }
      Collection<SequenceFlow> outgoing = node.getOutgoing();
      if (outgoing.size() != 1) {
        throw new UnsupportedModelException(
            "Expected element '"
                + node.getId()
                + "' to have exactly one outgoing sequence flow, but it has "
                + outgoing.size());
      }
      SequenceFlow flow = outgoing.iterator().next();
      if (flow.getConditionExpression() != null) {
        throw unsupported(flow, resourceName);
      }
      node = flow.getTarget();
      if (node.getIncoming().size() != 1) {
        throw new UnsupportedModelException(
            "Expected element '" + node.getId() + "' to have exactly one incoming sequence flow");
      }
      if (node instanceof io.camunda.zeebe.model.bpmn.instance.ServiceTask task) {
        tasks.add(toServiceTask(task));
      } else if (node instanceof EndEvent end) {
        requireNoEventDefinitions(end.getEventDefinitions().isEmpty(), end, resourceName);
      } else {
        throw unsupported(node, resourceName);
      }
    }
    long serviceTasks =
        elements.stream()
            .filter(io.camunda.zeebe.model.bpmn.instance.ServiceTask.class::isInstance)
            .count();
    if (serviceTasks != tasks.size() || elements.stream().filter(EndEvent.class::isInstance).count() != 1) {
      throw new UnsupportedModelException(
          "Expected process '"
              + process.getId()
              + "' to be one path from its start event to its only end event, but it has elements off that path");
    }
    return new ProcessModel(process.getId(), tasks);
  }

  private static ServiceTask toServiceTask(io.camunda.zeebe.model.bpmn.instance.ServiceTask task) {
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
      throw new UnsupportedModelException(
          "Expected service task '"
              + task.getId()
              + "' to have a zeebe:taskDefinition with a type, but it has none");
    }
    int retries = DEFAULT_RETRIES;
    String rawRetries = definition.getRetries();
    if (rawRetries != null && !rawRetries.isBlank()) {
      try {
        retries = Integer.parseInt(rawRetries.trim());
      } catch (NumberFormatException e) {
        throw new UnsupportedModelException(
            "Expected the retries of service task '"
                + task.getId()
                + "' to be a number, but was '"
                + rawRetries
                + "' (expressions are not supported)",
            e);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return new ServiceTask(task.getId(), definition.getType(), retries, headers);
  }

  /** The one element found, else refused naming what was expected and how many there were. */
  private static <T> T single(List<T> found, String what) {
    if (found.size() != 1) {
      throw new UnsupportedModelException("Expected exactly one " + what + ", but found " + found.size());
    }
    return found.get(0);
  }

  private static void requireNoEventDefinitions(boolean none, FlowNode event, String resourceName) {
    if (!none) {
      throw new UnsupportedModelException(
          "Unsupported element '"
              + event.getId()
              + "' in '"
              + resourceName
              + "': only none start and end events are supported, but it has an event definition");
    }
  }

  private static UnsupportedModelException unsupported(FlowElement element, String resourceName) {
    return new UnsupportedModelException(
        "Unsupported element '"
            + element.getId()
            + "' of type "
            + element.getElementType().getTypeName()
            + " in '"
            + resourceName
            + "': the embedded engine supports a start event, service tasks in sequence and an end event");
  }
}
