package io.github.workerbench.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where the embedded engine listens and how it answers. The host must be a loopback address: the
 * engine must never be reachable from other machines. A port of 0 picks a free port. Build one
 * with {@link #builder()}, or take {@link #defaults()} or {@link #ephemeral()}.
 *
 * @param host a loopback host name or address, e.g. {@code 127.0.0.1}
 * @param grpcPort the gRPC port, 0..65535
 * @param restPort the REST port, 0..65535
 * @param apiVersion the Camunda API generation the answers follow
 * @param access authentication and TLS; {@link EngineAccess#open()} for none
 */
public record EngineConfig(String host, int grpcPort, int restPort, ApiVersion apiVersion, EngineAccess access) {

  public EngineConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must be a loopback address, but was blank");
    }
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "host must be a loopback address, but was '" + host + "'");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host must be a loopback address, but '" + host + "' is unknown", e);
    }
    checkPort("grpcPort", grpcPort);
    checkPort("restPort", restPort);
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(access, "access");
  }

  /** An engine on this loopback host speaking the latest API version, open, in plaintext. */
  public EngineConfig(String host, int grpcPort, int restPort) {
    this(host, grpcPort, restPort, ApiVersion.latest(), EngineAccess.open());
  }

  /** 127.0.0.1 with Zeebe's usual ports: gRPC 26500, REST 8080. */
  public static EngineConfig defaults() {
    return new EngineConfig("127.0.0.1", 26500, 8080);
  }

  /** 127.0.0.1 with free ports chosen at start; for tests and benchmarks. */
  public static EngineConfig ephemeral() {
    return new EngineConfig("127.0.0.1", 0, 0);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, but was " + port);
    }
  }

  /** Sets fields one by one; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private String host;
    private int grpcPort;
    private int restPort;
    private ApiVersion apiVersion;
    private EngineAccess access;

    private Builder(EngineConfig from) {
      host = from.host;
      grpcPort = from.grpcPort;
      restPort = from.restPort;
      apiVersion = from.apiVersion;
      access = from.access;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder grpcPort(int value) {
      grpcPort = value;
      return this;
    }

    public Builder restPort(int value) {
      restPort = value;
      return this;
    }

    /** Free ports for gRPC and REST. */
    public Builder ephemeralPorts() {
      grpcPort = 0;
      restPort = 0;
      return this;
    }

    public Builder apiVersion(ApiVersion value) {
      apiVersion = value;
      return this;
    }

    public Builder access(EngineAccess value) {
      access = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public EngineConfig build() {
      return new EngineConfig(host, grpcPort, restPort, apiVersion, access);
    }
  }
}
