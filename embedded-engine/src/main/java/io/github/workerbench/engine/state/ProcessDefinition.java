package io.github.workerbench.engine.state;

import io.github.workerbench.engine.bpmn.ProcessModel;

/** One version of a deployed process. Immutable (the content array is never changed). */
record ProcessDefinition(
    long key, int version, String resourceName, byte[] content, ProcessModel model) {

  ProcessDefinitionInfo info() {
    return new ProcessDefinitionInfo(key, model.bpmnProcessId(), version, resourceName);
  }
}
