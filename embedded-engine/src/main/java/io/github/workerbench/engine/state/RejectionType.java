package io.github.workerbench.engine.state;

/** Why the engine refused a command; each protocol maps it to its own status code. */
public enum RejectionType {
  /** The key names nothing the engine knows (any more). gRPC NOT_FOUND, REST 404. */
  NOT_FOUND,
  /** The request itself is wrong. gRPC INVALID_ARGUMENT, REST 400. */
  INVALID_ARGUMENT,
  /** The target exists but its state forbids the command. gRPC FAILED_PRECONDITION, REST 409. */
  INVALID_STATE
}
