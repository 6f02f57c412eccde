package io.github.workerbench.engine.state;

import java.time.Instant;
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
    Map<String, Object> variables) {}
