package io.github.workerbench.core.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The transport a scenario asks for, by the id it has in scenario files. */
public enum TransportKind {
  /** The REST v2 API (the client's default). */
  REST("rest"),
  /** gRPC ActivateJobs long polling. */
  GRPC_POLL("grpc-poll"),
  /** gRPC StreamActivatedJobs job push. */
  GRPC_STREAM("grpc-stream");

  private final String id;

  TransportKind(String id) {
    this.id = id;
  }

  /** The id used in scenario and results files. */
  public String id() {
    return id;
  }

  /**
   * The kind with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  public static TransportKind fromId(String id) {
    for (TransportKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + id + "', expected one of " + ids());
  }

  /** The allowed ids, comma-separated, for error messages. */
  public static String ids() {
    return Arrays.stream(values()).map(TransportKind::id).collect(Collectors.joining(", "));
  }
}
