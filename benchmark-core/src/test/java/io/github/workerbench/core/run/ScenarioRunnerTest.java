package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.engine.EngineStartException;
import io.github.workerbench.core.engine.RemoteEngine;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  private static final WorkerFactory NO_WORKER =
      setup -> {
        throw new AssertionError("no worker may start when the engine is unreachable");
      };

  @Test
  void shouldFailTheScenarioWithTheReasonWhenTheEngineCannotStart() {
    // given
    AtomicInteger closed = new AtomicInteger();
    EngineAdapter broken = new BrokenEngine(closed);
    ScenarioPlan plan = ScenarioPlan.of(ScenarioWarningsTest.scenario().build());
    // when
    ScenarioResult result;
    try (ScenarioRunner runner = new ScenarioRunner(() -> broken, NO_WORKER)) {
      result = runner.run(plan);
    }
    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("Expected to start the engine, but the port is taken");
    assertThat(result.repeats()).isEmpty();
    assertThat(result.resolvedStrategy()).isEqualTo("thread");
    assertThat(closed).hasValue(1);
  }

  @Test
  void shouldFailWithinTenSecondsWhenTheRemoteEngineIsUnreachable() throws IOException {
    // given a remote engine nothing listens on
    String address = "http://127.0.0.1:" + closedPort();
    Map<String, String> env =
        Map.of("CAMUNDA_REST_ADDRESS", address, "CAMUNDA_GRPC_ADDRESS", address);
    ScenarioPlan plan = ScenarioPlan.of(ScenarioWarningsTest.scenario().build());
    // when
    ScenarioResult result;
    try (ScenarioRunner runner = new ScenarioRunner(() -> new RemoteEngine(env), NO_WORKER)) {
      result = runner.run(plan);
    }
    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).startsWith("Expected to reach the engine at " + address);
    assertThat(result.error()).contains("Check that the cluster runs");
    assertThat(result.elapsedSeconds()).isLessThan(Duration.ofSeconds(11).toSeconds());
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final class BrokenEngine implements EngineAdapter {
    private final AtomicInteger closed;

    BrokenEngine(AtomicInteger closed) {
      this.closed = closed;
    }

    @Override
    public void start() {
      throw new EngineStartException("Expected to start the engine, but the port is taken");
    }

    @Override
    public URI grpcAddress() {
      throw new IllegalStateException("not started");
    }

    @Override
    public URI restAddress() {
      throw new IllegalStateException("not started");
    }

    @Override
    public CamundaClientBuilder newClientBuilder() {
      throw new IllegalStateException("not started");
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
