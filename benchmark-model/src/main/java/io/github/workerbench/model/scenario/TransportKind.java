package io.github.workerbench.model.scenario;

import io.github.workerbench.model.Identified;

/** The transport a scenario asks for, by the id it has in scenario files. */
public enum TransportKind implements Identified {
  /** {@code rest}: the REST v2 API (the client's default). */
  REST,
  /** {@code grpc-poll}: gRPC ActivateJobs long polling. */
  GRPC_POLL,
  /** {@code grpc-stream}: gRPC StreamActivatedJobs job push. */
  GRPC_STREAM;

  /**
   * The kind with this id, e.g. {@code grpc-poll}.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static TransportKind fromId(String id) {
    return Identified.fromId(TransportKind.class, id, "transport");
  }
}
