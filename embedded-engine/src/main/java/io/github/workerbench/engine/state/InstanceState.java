package io.github.workerbench.engine.state;

/** The state of a process instance, as the REST search reports it. */
public enum InstanceState {
  ACTIVE,
  COMPLETED,
  TERMINATED
}
