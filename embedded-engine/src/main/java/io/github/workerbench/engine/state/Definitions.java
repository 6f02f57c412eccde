package io.github.workerbench.engine.state;

import io.github.workerbench.engine.bpmn.ProcessModel;
import io.github.workerbench.engine.bpmn.ProcessModelParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployed process definitions, every version of each. Parsing ({@link #parse}) is stateless
 * and runs without the lock; everything else is guarded by the {@link EngineState} lock.
 */
final class Definitions {

  private final ProcessModelParser parser = new ProcessModelParser();
  private final Keys keys;
  private final Map<String, List<ProcessDefinition>> byId = new HashMap<>();
  private final Map<Long, ProcessDefinition> byKey = new HashMap<>();

  Definitions(Keys keys) {
    this.keys = keys;
  }

  /**
   * Reads each resource as a process model, refusing what cannot be deployed. Thread-safe.
   *
   * @throws CommandRejectedException INVALID_ARGUMENT for an empty deployment, a resource that is
   *     not BPMN, or an unsupported model (the message names the element)
   */
  List<ProcessModel> parse(List<DeploymentResource> resources) {
    if (resources.isEmpty()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    List<ProcessModel> models = new ArrayList<>(resources.size());
    for (DeploymentResource resource : resources) {
      if (!resource.name().endsWith(".bpmn") && !resource.name().endsWith(".xml")) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT,
            "Expected to deploy BPMN resources (.bpmn or .xml), but got '" + resource.name() + "'");
      }
      try {
        models.add(parser.parse(resource.name(), resource.content()));
      } catch (IllegalArgumentException e) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT,
            "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': " + e.getMessage());
      }
    }
    return models;
  }

  /**
   * Registers parsed resources. A resource whose bytes equal the latest version of its process
   * keeps that version; otherwise it becomes the next version.
   */
  DeploymentInfo register(List<DeploymentResource> resources, List<ProcessModel> models) {
    long deploymentKey = keys.next();
    List<ProcessDefinitionInfo> infos = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      DeploymentResource resource = resources.get(i);
      ProcessModel model = models.get(i);
      List<ProcessDefinition> versions = byId.computeIfAbsent(model.bpmnProcessId(), id -> new ArrayList<>());
      ProcessDefinition latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (latest != null && Arrays.equals(latest.content(), resource.content())) {
        infos.add(latest.info());
        continue;
      }
      ProcessDefinition definition =
          new ProcessDefinition(keys.next(), versions.size() + 1, resource.name(), resource.content(), model);
      versions.add(definition);
      byKey.put(definition.key(), definition);
      infos.add(definition.info());
    }
    return new DeploymentInfo(deploymentKey, infos);
  }

  /**
   * The definition a creation names: by key when one is given, else by BPMN process id and
   * version.
   *
   * @param key the definition's key, or {@code <= 0} to choose by id
   * @param version a version, or {@code -1} (or 0) for the latest
   * @throws CommandRejectedException NOT_FOUND when no such definition exists, INVALID_ARGUMENT
   *     when neither a key nor an id is given
   */
  ProcessDefinition find(long key, String bpmnProcessId, int version) {
    if (key > 0) {
      ProcessDefinition definition = byKey.get(key);
      if (definition == null) {
        throw new CommandRejectedException(
            RejectionType.NOT_FOUND, "Expected to find process definition with key '" + key + "', but none found");
      }
      return definition;
    }
    if (bpmnProcessId == null || bpmnProcessId.isBlank()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected a process definition key or a BPMN process id, but neither was given");
    }
    List<ProcessDefinition> versions = byId.get(bpmnProcessId);
    if (versions == null || versions.isEmpty()) {
      throw new CommandRejectedException(
          RejectionType.NOT_FOUND,
          "Expected to find process definition with process ID '" + bpmnProcessId + "', but none found");
    }
    if (version <= 0) {
      return versions.get(versions.size() - 1);
    }
    if (version > versions.size()) {
      throw new CommandRejectedException(
          RejectionType.NOT_FOUND,
          "Expected to find process definition with process ID '"
              + bpmnProcessId
              + "' and version '"
              + version
              + "', but none found");
    }
    return versions.get(version - 1);
  }
}
