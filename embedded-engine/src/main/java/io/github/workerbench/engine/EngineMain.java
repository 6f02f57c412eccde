package io.github.workerbench.engine;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The engine as a program of its own ({@code java -jar workerbench-engine.jar}, the entry point
 * of the {@code workerbench/engine} image): serves until SIGINT/SIGTERM, printing one ready line
 * ({@link EngineServer#readyLine()}) once every endpoint accepts calls.
 *
 * <pre>
 * --grpc-port N        gRPC port, 0 = a free one (default 26500)
 * --rest-port N        REST port, 0 = a free one (default 8080)
 * --management-port N  health endpoints, 0 = a free one, -1 = none (default 9600)
 * --all-interfaces     listen on every interface, not only loopback (inside a container)
 * </pre>
 *
 * <p>Bad arguments or a port in use: one line on stderr and exit code 2. Environment variables
 * are not read: Camunda's ({@code CAMUNDA_*}, {@code ZEEBE_*}) may be set, as for Camunda's
 * image, and are ignored.
 */
public final class EngineMain {

  /** Exit code for arguments the user must fix. */
  static final int EXIT_BAD_INPUT = 2;

  /** Where the engine's own Logback configuration lives when the caller names none. */
  private static final String LOGBACK_CONFIG = "io/github/workerbench/engine/engine-logback.xml";

  private EngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Before any logger exists: the engine's quiet configuration, unless the caller gave one.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    EngineConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("engine: " + e.getMessage());
      System.exit(EXIT_BAD_INPUT);
      return;
    }
    if (config == null) {
      usage(System.out);
      return;
    }
    EngineServer engine;
    try {
      engine = EngineServer.start(config);
    } catch (EngineStartException e) {
      System.err.println("engine: " + e.getMessage());
      System.exit(EXIT_BAD_INPUT);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                },
                "engine-shutdown"));
    System.out.println(engine.readyLine());
    System.out.flush();
    stopped.await();
  }

  /**
   * The configuration these arguments ask for, or {@code null} for {@code --help}.
   *
   * @throws IllegalArgumentException naming the argument at fault
   */
  static EngineConfig parse(String... args) {
    int grpcPort = EngineConfig.DEFAULT_GRPC_PORT;
    int restPort = EngineConfig.DEFAULT_REST_PORT;
    int managementPort = EngineConfig.DEFAULT_MANAGEMENT_PORT;
    boolean allInterfaces = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      switch (name) {
        case "--help", "-h" -> {
          return null;
        }
        case "--all-interfaces" -> allInterfaces = true;
        case "--grpc-port", "--rest-port", "--management-port" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a port number");
            }
            value = args[++i];
          }
          int port = port(name, value);
          switch (name) {
            case "--grpc-port" -> grpcPort = port;
            case "--rest-port" -> restPort = port;
            default -> managementPort = port;
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + arg + "' (see --help)");
      }
    }
    return allInterfaces
        ? EngineConfig.allInterfaces(grpcPort, restPort, managementPort)
        : new EngineConfig("127.0.0.1", grpcPort, restPort, managementPort);
  }

  private static int port(String name, String value) {
    try {
      int port = Integer.parseInt(value.trim());
      int lowest = name.equals("--management-port") ? EngineConfig.NO_MANAGEMENT : 0;
      if (port < lowest || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a port between 0 and 65535, but was '" + value + "'", e);
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        """
        Usage: java -jar workerbench-engine.jar [--grpc-port N] [--rest-port N]
                                                [--management-port N] [--all-interfaces]
        Serves Worker Bench's embedded Zeebe-compatible engine until SIGINT or SIGTERM.
          --grpc-port N        gRPC port, 0 = a free one (default 26500)
          --rest-port N        REST port, 0 = a free one (default 8080)
          --management-port N  /actuator/health/readiness and /liveness, 0 = a free one,
                               -1 = none (default 9600)
          --all-interfaces     listen on every interface, not only 127.0.0.1 (inside a
                               container; the engine has no authentication)""");
  }
}
