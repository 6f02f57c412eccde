package io.github.workerbench.engine.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a process instance. {@code endDate} is null while the instance is active.
 * {@code variables} is a copy of the root scope's variables.
 */
public record ProcessInstanceView(
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    InstanceState state,
    boolean hasIncident,
    Instant startDate,
    Instant endDate,
    Map<String, Object> variables) {

  /** The root variables a caller asked for by name (those that exist); all when none are named. */
  public Map<String, Object> variables(List<String> names) {
    return names.isEmpty() ? variables : select(variables, names);
  }

  /** A copy of the named variables that exist, in the order named; of all when none are named. */
  static Map<String, Object> select(Map<String, Object> variables, List<String> names) {
    if (names.isEmpty()) {
      return new LinkedHashMap<>(variables);
    }
    Map<String, Object> selected = new LinkedHashMap<>();
    for (String name : names) {
      if (variables.containsKey(name)) {
        selected.put(name, variables.get(name));
      }
    }
    return selected;
  }
}
