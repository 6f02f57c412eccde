package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.engine.state.InstanceState;
import io.github.workerbench.engine.state.ProcessInstanceView;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The filter of a process-instance search (the spec's ProcessInstanceFilter), as far as the
 * engine knows the fields: processInstanceKey and state as a plain value, {@code $eq} or {@code
 * $in} (both given: the values in both); processDefinitionId, processDefinitionKey and
 * processDefinitionVersion as a plain value or {@code $eq}; hasIncident. Another operator on key or
 * state is refused (INVALID_ARGUMENT) rather than ignored, so a search never answers wrong matches;
 * filter fields the engine does not keep (tenantId, dates, variables...) are ignored. Immutable.
 */
final class InstanceFilter {

  private final Set<Long> keys;
  private final Set<InstanceState> states;
  private final JsonNode filter;

  private InstanceFilter(Set<Long> keys, Set<InstanceState> states, JsonNode filter) {
    this.keys = keys;
    this.states = states;
    this.filter = filter;
  }

  /**
   * Reads a search body's {@code filter} (missing: match everything).
   *
   * @throws io.github.workerbench.engine.state.CommandRejectedException INVALID_ARGUMENT for an
   *     unsupported operator, a key that is not a number or an unknown state
   */
  static InstanceFilter of(JsonNode filter) {
    return new InstanceFilter(keyFilter(filter.get("processInstanceKey")), stateFilter(filter.get("state")), filter);
  }

  /** The one key the engine can narrow its search to, or null. */
  Long onlyKey() {
    return keys != null && keys.size() == 1 ? keys.iterator().next() : null;
  }

  /** The one state the engine can narrow its search to, or null. */
  InstanceState onlyState() {
    return states != null && states.size() == 1 ? states.iterator().next() : null;
  }

  boolean matches(ProcessInstanceView view) {
    if (keys != null && !keys.contains(view.processInstanceKey())) {
      return false;
    }
    if (states != null && !states.contains(view.state())) {
      return false;
    }
    JsonNode id = eq(filter.get("processDefinitionId"));
    if (id != null && !id.asText().equals(view.bpmnProcessId())) {
      return false;
    }
    JsonNode definitionKey = eq(filter.get("processDefinitionKey"));
    if (definitionKey != null
        && RestFields.key(definitionKey.asText(), "processDefinitionKey") != view.processDefinitionKey()) {
      return false;
    }
    JsonNode version = eq(filter.get("processDefinitionVersion"));
    if (version != null && version.asInt() != view.version()) {
      return false;
    }
    JsonNode incident = filter.get("hasIncident");
    return incident == null || incident.isNull() || incident.asBoolean() == view.hasIncident();
  }

  private static Set<Long> keyFilter(JsonNode property) {
    Set<String> values = equalityValues(property, "processInstanceKey");
    if (values == null) {
      return null;
    }
    Set<Long> keys = new HashSet<>();
    values.forEach(v -> keys.add(RestFields.key(v, "processInstanceKey")));
    return keys;
  }

  private static Set<InstanceState> stateFilter(JsonNode property) {
    Set<String> values = equalityValues(property, "state");
    if (values == null) {
      return null;
    }
    Set<InstanceState> states = EnumSet.noneOf(InstanceState.class);
    for (String value : values) {
      try {
        states.add(InstanceState.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw RestFields.invalid("Expected state to be one of ACTIVE, COMPLETED, TERMINATED, but was '" + value + "'");
      }
    }
    return states;
  }

  /**
   * The values an equality filter allows: a plain value, {@code {"$eq": v}} or {@code {"$in":
   * [...]}}; null when absent.
   */
  private static Set<String> equalityValues(JsonNode property, String name) {
    if (property == null || property.isNull()) {
      return null;
    }
    if (!property.isObject()) {
      return Set.of(property.asText());
    }
    JsonNode eq = property.get("$eq");
    JsonNode in = property.get("$in");
    if (eq == null && in == null) {
      throw RestFields.invalid("Expected a plain value, $eq or $in filter on " + name + ", but got " + property);
    }
    Set<String> values = new LinkedHashSet<>();
    if (eq != null) {
      values.add(eq.asText());
    }
    if (in != null) {
      Set<String> listed = new LinkedHashSet<>(RestFields.strings(in));
      if (eq != null) {
        values.retainAll(listed);
      } else {
        values.addAll(listed);
      }
    }
    return values;
  }

  /** The value a filter property compares to, or null when absent or not an equality. */
  private static JsonNode eq(JsonNode property) {
    if (property == null || property.isNull()) {
      return null;
    }
    if (property.isObject()) {
      JsonNode value = property.get("$eq");
      return value == null || value.isNull() ? null : value;
    }
    return property;
  }
}
