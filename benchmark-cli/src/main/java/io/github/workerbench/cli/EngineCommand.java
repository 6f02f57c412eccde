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
 * {@code bench engine}: serves the embedded engine on 127.0.0.1 until SIGINT/SIGTERM. Prints one
 * ready line when both endpoints accept calls; a port in use is one line on stderr, exit 2.
 */
@Command(name = "engine", description = "Serves the embedded Zeebe-compatible engine until interrupted.")
public final class EngineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--grpc-port", defaultValue = "26500", description = "gRPC port (0 = free port); default ${DEFAULT-VALUE}")
  int grpcPort;

  @Option(names = "--rest-port", defaultValue = "8080", description = "REST port (0 = free port); default ${DEFAULT-VALUE}")
  int restPort;

  @Override
  public Integer call() throws InterruptedException {
    EngineServer engine;
    try {
      engine = EngineServer.start(new EngineConfig("127.0.0.1", grpcPort, restPort));
    } catch (EngineStartException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("bench engine: " + e.getMessage());
      return BenchCli.EXIT_BAD_INPUT;
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
    spec.commandLine()
        .getOut()
        .println(
            "engine ready grpc="
                + engine.host()
                + ":"
                + engine.grpcPort()
                + " rest=http://"
                + engine.host()
                + ":"
                + engine.restPort());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
