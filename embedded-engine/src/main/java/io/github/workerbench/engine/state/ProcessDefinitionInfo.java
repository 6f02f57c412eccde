package io.github.workerbench.engine.state;

/** A deployed process definition as deploy answers report it. */
public record ProcessDefinitionInfo(
    long processDefinitionKey, String bpmnProcessId, int version, String resourceName) {}
