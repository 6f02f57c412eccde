package io.github.workerbench.engine;

import io.github.workerbench.engine.auth.AuthMode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The engine as a program of its own ({@code java -jar workerbench-engine.jar}, the entry point
 * of the {@code workerbench/engine} image): serves until SIGINT/SIGTERM, printing one ready line
 * ({@link EngineServer#readyLine()}) once every endpoint accepts calls.
 *
 * <pre>
 * --grpc-port N         gRPC port, 0 = a free one (default 26500)
 * --rest-port N         REST port, 0 = a free one (default 8080)
 * --management-port N   health endpoints, 0 = a free one, -1 = none (default 9600)
 * --all-interfaces      listen on every interface, not only loopback (inside a container)
 * --api-version V       8.8 or 8.9: the Camunda API generation the answers follow (default 8.9)
 * --auth MODE           none, basic or oauth: the credentials every call must carry (default none)
 * --token-lifetime S    seconds an issued token is valid, with --auth oauth (default 300)
 * --token-port N        the token endpoint's port, with --auth oauth (default a free one)
 * --tls                 gRPC and REST over TLS with a certificate generated at start
 * </pre>
 *
 * <p>Bad arguments, a missing credential or a port in use: one line on stderr and exit code 2.
 * The only environment variables read are the engine's credentials for {@code --auth} ({@code
 * WORKERBENCH_ENGINE_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _USERNAME}, {@code _PASSWORD});
 * Camunda's ({@code CAMUNDA_*}, {@code ZEEBE_*}) may be set, as for Camunda's image, and are
 * ignored.
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
      config = parse(System.getenv(), args);
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
    } catch (EngineStartException | IllegalArgumentException e) {
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

  /** As {@link #parse(Map, String...)} with no environment: no credentials. */
  static EngineConfig parse(String... args) {
    return parse(Map.of(), args);
  }

  /**
   * The configuration these arguments ask for, credentials read from {@code environment}, or
   * {@code null} for {@code --help}.
   *
   * @throws IllegalArgumentException naming the argument or variable at fault
   */
  static EngineConfig parse(Map<String, String> environment, String... args) {
    int grpcPort = EngineConfig.DEFAULT_GRPC_PORT;
    int restPort = EngineConfig.DEFAULT_REST_PORT;
    int managementPort = EngineConfig.DEFAULT_MANAGEMENT_PORT;
    boolean allInterfaces = false;
    ApiVersion apiVersion = ApiVersion.latest();
    AuthMode auth = AuthMode.NONE;
    Duration tokenLifetime = null;
    Integer tokenPort = null;
    boolean tls = false;
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
        case "--tls" -> tls = true;
        case "--api-version", "--auth", "--token-lifetime" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a value");
            }
            value = args[++i];
          }
          switch (name) {
            case "--api-version" -> apiVersion = named(name, value, ApiVersion::fromId);
            case "--auth" -> auth = named(name, value, AuthMode::fromId);
            default -> tokenLifetime = Duration.ofSeconds(seconds(name, value));
          }
        }
        case "--grpc-port", "--rest-port", "--management-port", "--token-port" -> {
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
            case "--token-port" -> tokenPort = port;
            default -> managementPort = port;
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + arg + "' (see --help)");
      }
    }
    EngineConfig.Builder config =
        EngineConfig.builder()
            .grpcPort(grpcPort)
            .restPort(restPort)
            .managementPort(managementPort)
            .apiVersion(apiVersion)
            .access(EngineAccess.fromOptions(auth, tokenLifetime, tokenPort, tls, environment));
    if (allInterfaces) {
      config.allInterfaces();
    }
    return config.build();
  }

  private static <T> T named(String option, String value, Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  private static long seconds(String option, String value) {
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds < 1) {
        throw new NumberFormatException();
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number of seconds, at least 1, but was '" + value + "'", e);
    }
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
                                                [--api-version 8.8|8.9] [--auth none|basic|oauth]
                                                [--token-lifetime S] [--token-port N] [--tls]
        Serves Worker Bench's embedded Zeebe-compatible engine until SIGINT or SIGTERM.
          --grpc-port N        gRPC port, 0 = a free one (default 26500)
          --rest-port N        REST port, 0 = a free one (default 8080)
          --management-port N  /actuator/health/readiness and /liveness, 0 = a free one,
                               -1 = none (default 9600)
          --all-interfaces     listen on every interface, not only 127.0.0.1 (inside a
                               container; without --auth, anyone who reaches it may call it)
          --api-version V      8.8 or 8.9: the API generation the answers follow (default 8.9)
          --auth MODE          none, basic (WORKERBENCH_ENGINE_USERNAME, _PASSWORD) or oauth
                               (WORKERBENCH_ENGINE_CLIENT_ID, _CLIENT_SECRET; tokens from the
                               engine's POST /oauth/token) (default none)
          --token-lifetime S   seconds a token is valid, with --auth oauth (default 300)
          --token-port N       the token endpoint's port, with --auth oauth (default a free one)
          --tls                gRPC and REST over TLS; the CA file is named in the ready line""");
  }
}
