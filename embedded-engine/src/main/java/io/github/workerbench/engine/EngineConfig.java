package io.github.workerbench.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the embedded engine listens. The host must be a loopback address: the engine has no
 * authentication and must never be reachable from other machines. A port of 0 picks a free port.
 *
 * @param host a loopback host name or address, e.g. {@code 127.0.0.1}
 * @param grpcPort the gRPC port, 0..65535
 * @param restPort the REST port, 0..65535
 */
public record EngineConfig(String host, int grpcPort, int restPort) {

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
  }

  /** 127.0.0.1 with Zeebe's usual ports: gRPC 26500, REST 8080. */
  public static EngineConfig defaults() {
    return new EngineConfig("127.0.0.1", 26500, 8080);
  }

  /** 127.0.0.1 with free ports chosen at start; for tests and benchmarks. */
  public static EngineConfig ephemeral() {
    return new EngineConfig("127.0.0.1", 0, 0);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, but was " + port);
    }
  }
}
