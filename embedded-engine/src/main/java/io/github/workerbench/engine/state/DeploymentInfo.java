package io.github.workerbench.engine.state;

import java.util.List;

/** The answer to a deployment: its key and the process definitions it holds (new or re-used). */
public record DeploymentInfo(long deploymentKey, List<ProcessDefinitionInfo> processes) {

  public DeploymentInfo {
    processes = List.copyOf(processes);
  }
}
