package io.github.workerbench.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where the embedded engine listens and how it answers. The host must be a loopback address, or
 * the wildcard address (every interface) asked for explicitly, e.g. through {@link
 * #allInterfaces}: an engine without authentication must never be reachable from other machines;
 * inside a container, every interface of the container is what the host's port mapping reaches.
 * Any other address is refused. A port of 0 picks a free port. Build one with {@link #builder()},
 * or take {@link #defaults()} or {@link #ephemeral()}.
 *
 * @param host a loopback host name or address, e.g. {@code 127.0.0.1}, or {@value
 *     #ALL_INTERFACES} for every interface
 * @param grpcPort the gRPC port, 0..65535
 * @param restPort the REST port, 0..65535
 * @param managementPort the port of the health endpoints ({@code /actuator/health/readiness},
 *     {@code /actuator/health/liveness}), 0..65535, or {@value #NO_MANAGEMENT} for none
 * @param apiVersion the Camunda API generation the answers follow
 * @param access authentication and TLS; {@link EngineAccess#open()} for none
 */
public record EngineConfig(
    String host, int grpcPort, int restPort, int managementPort, ApiVersion apiVersion, EngineAccess access) {

  /** The wildcard address: listen on every interface (for a container). */
  public static final String ALL_INTERFACES = "0.0.0.0";

  /** The management port meaning "no management endpoint". */
  public static final int NO_MANAGEMENT = -1;

  /** Camunda's gRPC port. */
  public static final int DEFAULT_GRPC_PORT = 26500;

  /** Camunda's REST port. */
  public static final int DEFAULT_REST_PORT = 8080;

  /** Camunda's management (actuator) port. */
  public static final int DEFAULT_MANAGEMENT_PORT = 9600;

  public EngineConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must be a loopback address, but was blank");
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
        throw new IllegalArgumentException(
            "host must be a loopback address (or "
                + ALL_INTERFACES
                + " for every interface, inside a container), but was '"
                + host
                + "'");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host must be a loopback address, but '" + host + "' is unknown", e);
    }
    checkPort("grpcPort", grpcPort);
    checkPort("restPort", restPort);
    if (managementPort != NO_MANAGEMENT) {
      checkPort("managementPort", managementPort);
    }
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(access, "access");
  }

  /** An engine on this host with these ports, the latest API version, open, in plaintext. */
  public EngineConfig(String host, int grpcPort, int restPort, int managementPort) {
    this(host, grpcPort, restPort, managementPort, ApiVersion.latest(), EngineAccess.open());
  }

  /** An engine on this loopback host without a management endpoint. */
  public EngineConfig(String host, int grpcPort, int restPort) {
    this(host, grpcPort, restPort, NO_MANAGEMENT);
  }

  /** 127.0.0.1 with Camunda's usual ports: gRPC 26500, REST 8080, management 9600. */
  public static EngineConfig defaults() {
    return new EngineConfig("127.0.0.1", DEFAULT_GRPC_PORT, DEFAULT_REST_PORT, DEFAULT_MANAGEMENT_PORT);
  }

  /** 127.0.0.1 with free ports chosen at start and no management endpoint; for tests and benchmarks. */
  public static EngineConfig ephemeral() {
    return new EngineConfig("127.0.0.1", 0, 0);
  }

  /**
   * Every interface ({@value #ALL_INTERFACES}) with these ports: for the engine inside a
   * container, whose host maps the ports. Never use it on a machine others can reach without
   * {@code --auth}.
   */
  public static EngineConfig allInterfaces(int grpcPort, int restPort, int managementPort) {
    return new EngineConfig(ALL_INTERFACES, grpcPort, restPort, managementPort);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the engine listens on every interface rather than on loopback. */
  public boolean listensOnAllInterfaces() {
    try {
      return InetAddress.getByName(host).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false; // unreachable: the constructor resolved it
    }
  }

  /** Whether the engine serves the health endpoints. */
  public boolean hasManagement() {
    return managementPort != NO_MANAGEMENT;
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
    private int managementPort;
    private ApiVersion apiVersion;
    private EngineAccess access;

    private Builder(EngineConfig from) {
      host = from.host;
      grpcPort = from.grpcPort;
      restPort = from.restPort;
      managementPort = from.managementPort;
      apiVersion = from.apiVersion;
      access = from.access;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    /** Every interface ({@value EngineConfig#ALL_INTERFACES}) instead of loopback. */
    public Builder allInterfaces() {
      host = ALL_INTERFACES;
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

    /** The health endpoints' port, or {@link EngineConfig#NO_MANAGEMENT} for none. */
    public Builder managementPort(int value) {
      managementPort = value;
      return this;
    }

    /** Free ports for gRPC and REST, no management endpoint: for tests and benchmarks. */
    public Builder ephemeralPorts() {
      grpcPort = 0;
      restPort = 0;
      managementPort = NO_MANAGEMENT;
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
      return new EngineConfig(host, grpcPort, restPort, managementPort, apiVersion, access);
    }
  }
}
