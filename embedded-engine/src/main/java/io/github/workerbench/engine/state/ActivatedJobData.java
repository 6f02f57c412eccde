package io.github.workerbench.engine.state;

import java.util.Map;

/**
 * What a worker receives for one activation: a snapshot taken when the job was activated, safe
 * to serialize on any thread. Keys are Zeebe-style 64-bit keys; {@code deadlineEpochMillis} is
 * when the activation times out.
 */
public record ActivatedJobData(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadlineEpochMillis,
    Map<String, Object> variables) {}
