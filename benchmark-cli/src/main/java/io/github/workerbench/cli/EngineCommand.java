package io.github.workerbench.cli;

import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import io.github.workerbench.engine.EngineStartException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench engine}: serves the embedded engine on 127.0.0.1 (or, with {@code
 * --all-interfaces}, on every interface) until SIGINT/SIGTERM. Prints one ready line when every
 * endpoint accepts calls; a port in use is one line on stderr, exit 2.
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
          "Listen on every interface instead of 127.0.0.1 (inside a container; the engine has no"
              + " authentication, so never on a machine others can reach)")
  boolean allInterfaces;

  @Override
  public Integer call() throws InterruptedException {
    EngineServer engine;
    try {
      if (managementPort < EngineConfig.NO_MANAGEMENT) {
        throw new IllegalArgumentException(
            "--management-port must be a port between 0 and 65535, or -1 for none, but was "
                + managementPort);
      }
      EngineConfig config =
          allInterfaces
              ? EngineConfig.allInterfaces(grpcPort, restPort, managementPort)
              : new EngineConfig("127.0.0.1", grpcPort, restPort, managementPort);
      engine = EngineServer.start(config);
    } catch (EngineStartException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("bench engine: " + e.getMessage());
      return BenchCli.EXIT_BAD_INPUT;
    }
    if (allInterfaces) {
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
}
