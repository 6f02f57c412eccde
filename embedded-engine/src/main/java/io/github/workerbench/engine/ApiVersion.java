package io.github.workerbench.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Camunda API generation the engine speaks: what its REST answers carry and which version its
 * topology reports, over REST and gRPC alike.
 *
 * <ul>
 *   <li>{@link #V8_9} (the default): Camunda 8.9's REST spec and server. Its server writes every
 *       field of a response schema, nulls included (camunda/camunda#46183 switched the generated
 *       models from {@code @JsonInclude(NON_NULL)} to {@code ALWAYS}), and its spec marks those
 *       fields required and nullable.
 *   <li>{@link #V8_8}: Camunda 8.8's REST spec and server, which leaves out a field whose value is
 *       null and knows nothing of the fields 8.9 added ({@code businessId}, {@code
 *       rootProcessInstanceKey}, {@code clusterId}); its {@code gateway.proto} has neither {@code
 *       businessId} nor {@code clusterId}, so a request's business id is ignored, as an 8.8
 *       gateway ignores a field it does not know.
 * </ul>
 *
 * Requests are read alike for both: what a job worker sends did not change between them.
 */
public enum ApiVersion {
  V8_8("8.8", "8.8.0"),
  V8_9("8.9", "8.9.0");

  private final String id;
  private final String serverVersion;

  ApiVersion(String id, String serverVersion) {
    this.id = id;
    this.serverVersion = serverVersion;
  }

  /** The version a user names: {@code 8.8} or {@code 8.9}. */
  public String id() {
    return id;
  }

  /**
   * What the topology reports as the gateway's and the broker's version: the first release of the
   * minor version, as a cluster of that release reports it ({@code VersionUtil.getVersion()}).
   */
  public String serverVersion() {
    return serverVersion;
  }

  /** Whether this generation knows the fields Camunda 8.9 added (and writes null fields). */
  public boolean isAtLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /** The newest generation, the engine's default. */
  public static ApiVersion latest() {
    return V8_9;
  }

  /**
   * The version named {@code id}.
   *
   * @throws IllegalArgumentException naming the versions there are
   */
  public static ApiVersion fromId(String id) {
    for (ApiVersion version : values()) {
      if (version.id.equals(id == null ? null : id.trim())) {
        return version;
      }
    }
    throw new IllegalArgumentException(
        "api version must be one of "
            + Arrays.stream(values()).map(ApiVersion::id).collect(Collectors.joining(", "))
            + ", but was '"
            + id
            + "'");
  }
}
