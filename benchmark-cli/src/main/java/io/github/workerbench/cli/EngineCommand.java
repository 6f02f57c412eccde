package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.EngineAccess;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.engine.EngineStartException;
import io.github.workerbench.engine.auth.AuthMode;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench engine}: serves the embedded engine on 127.0.0.1 (or, with {@code
 * --all-interfaces}, on every interface) until SIGINT/SIGTERM. Prints one ready line when every
 * endpoint accepts calls ({@link EngineServer#readyLine()}). Credentials for {@code --auth} come
 * from the environment only ({@code WORKERBENCH_ENGINE_*}). A port in use, a missing credential or
 * a bad option is one line on stderr, exit 2.
 */
@Command(name = "engine", description = "Serves the embedded Zeebe-compatible engine until interrupted.")
public final class EngineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--grpc-port", defaultValue = "26500", description = "gRPC port (0 = free port); default ${DEFAULT-VALUE}")
  int grpcPort;

  @Option(names = "--rest-port", defaultValue = "8080", description = "REST port (0 = free port); default ${DEFAULT-VALUE}")
  int restPort;

  @Option(
      names = "--management-port",
      defaultValue = "9600",
      description =
          "Port of /actuator/health/readiness and /liveness, as Camunda's (0 = free port, -1 ="
              + " none); default ${DEFAULT-VALUE}")
  int managementPort;

  @Option(
      names = "--all-interfaces",
      description =
          "Listen on every interface instead of 127.0.0.1 (inside a container; without --auth,"
              + " never on a machine others can reach)")
  boolean allInterfaces;

  @Option(names = "--api-version", paramLabel = "8.8|8.9",
      description = "The Camunda API generation the answers follow (default: -Dbenchmark.engine.apiVersion, else 8.9).")
  String apiVersion;

  @Option(names = "--auth", defaultValue = "none", paramLabel = "none|basic|oauth",
      description = "Credentials every call must carry: basic (WORKERBENCH_ENGINE_USERNAME/_PASSWORD) or a bearer"
          + " token from the engine's token endpoint, oauth (WORKERBENCH_ENGINE_CLIENT_ID/_CLIENT_SECRET);"
          + " default ${DEFAULT-VALUE}")
  String auth;

  @Option(names = "--token-lifetime", paramLabel = "SECONDS",
      description = "How long an issued token is valid (--auth oauth); default 300")
  Long tokenLifetimeSeconds;

  @Option(names = "--token-port", paramLabel = "N",
      description = "The token endpoint's port (--auth oauth); default a free one, named in the ready line")
  Integer tokenPort;

  @Option(names = "--tls",
      description = "Serve gRPC and REST over TLS with a certificate generated at start; its CA file is named in the"
          + " ready line (for CAMUNDA_CA_CERTIFICATE_PATH)")
  boolean tls;

  @Override
  public Integer call() throws InterruptedException {
    EngineServer engine;
    try {
      if (managementPort < EngineConfig.NO_MANAGEMENT) {
        throw new IllegalArgumentException(
            "--management-port must be a port between 0 and 65535, or -1 for none, but was "
                + managementPort);
      }
      EngineConfig.Builder config =
          EngineConfig.builder()
              .grpcPort(grpcPort)
              .restPort(restPort)
              .managementPort(managementPort)
              .apiVersion(apiVersion())
              .access(
                  EngineAccess.fromOptions(
                      AuthMode.fromId(auth),
                      tokenLifetimeSeconds == null ? null : Duration.ofSeconds(tokenLifetimeSeconds),
                      tokenPort,
                      tls,
                      System.getenv()));
      if (allInterfaces) {
        config.allInterfaces();
      }
      engine = EngineServer.start(config.build());
    } catch (EngineStartException | IllegalArgumentException e) {
      return BenchCli.badInput(spec.commandLine().getErr(), "engine", e.getMessage());
    }
    if (allInterfaces && engine.config().access().auth() == AuthMode.NONE) {
      spec.commandLine()
          .getErr()
          .println(
              "bench engine: listening on every interface; anyone who reaches this machine can"
                  + " use the engine");
      spec.commandLine().getErr().flush();
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                  // a signal would otherwise end the JVM with 128+signal; stopping on request is success
                  Runtime.getRuntime().halt(0);
                },
                "engine-shutdown"));
    spec.commandLine().getOut().println(engine.readyLine());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private ApiVersion apiVersion() {
    if (apiVersion != null) {
      try {
        return ApiVersion.fromId(apiVersion);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--api-version: " + e.getMessage(), e);
      }
    }
    return EngineSettings.apiVersionFromSystem();
  }
}
