package io.github.workerbench.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the embedded engine listens. The host must be a loopback address, or the wildcard
 * address (every interface) asked for explicitly, e.g. through {@link #allInterfaces}: the
 * engine has no authentication, so by default it must never be reachable from other machines;
 * inside a container, every interface of the container is what the host's port mapping reaches.
 * Any other address is refused. A port of 0 picks a free port.
 *
 * @param host a loopback host name or address, e.g. {@code 127.0.0.1}, or {@value
 *     #ALL_INTERFACES} for every interface
 * @param grpcPort the gRPC port, 0..65535
 * @param restPort the REST port, 0..65535
 * @param managementPort the port of the health endpoints ({@code /actuator/health/readiness},
 *     {@code /actuator/health/liveness}), 0..65535, or {@value #NO_MANAGEMENT} for none
 */
public record EngineConfig(String host, int grpcPort, int restPort, int managementPort) {

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
   * container, whose host maps the ports. Never use it on a machine others can reach: the engine
   * has no authentication.
   */
  public static EngineConfig allInterfaces(int grpcPort, int restPort, int managementPort) {
    return new EngineConfig(ALL_INTERFACES, grpcPort, restPort, managementPort);
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
}
