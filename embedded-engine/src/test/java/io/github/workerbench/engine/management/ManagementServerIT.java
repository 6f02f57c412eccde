package io.github.workerbench.engine.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.EngineServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Camunda's health probes on the engine's management port, over real HTTP. */
class ManagementServerIT {

  private final HttpClient http = HttpClient.newHttpClient();
  private ManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    http.close();
  }

  @Test
  void shouldAnswerReadinessAndLivenessWithUpWhenTheEngineServes() throws Exception {
    // given an engine with its management endpoint
    try (EngineServer engine =
        EngineServer.start(new EngineConfig("127.0.0.1", 0, 0, 0))) {
      String base = "http://127.0.0.1:" + engine.managementPort();

      // when
      HttpResponse<String> readiness = get(base + ManagementServer.READINESS);
      HttpResponse<String> liveness = get(base + ManagementServer.LIVENESS);
      HttpResponse<String> health = get(base + ManagementServer.HEALTH);
      HttpResponse<String> other = get(base + "/actuator/prometheus");

      // then
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(readiness.headers().firstValue("content-type")).contains("application/json");
      assertThat(liveness.statusCode()).isEqualTo(200);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(engine.readyLine())
          .isEqualTo(
              "engine ready grpc=127.0.0.1:" + engine.grpcPort()
                  + " rest=http://127.0.0.1:" + engine.restPort()
                  + " management=http://127.0.0.1:" + engine.managementPort());
    }
  }

  @Test
  void shouldAnswerOutOfServiceToReadinessButUpToLivenessWhenClosing() throws Exception {
    // given
    server = ManagementServer.start("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + server.port();

    // when
    server.markClosing();

    // then
    HttpResponse<String> readiness = get(base + ManagementServer.READINESS);
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
    assertThat(get(base + ManagementServer.LIVENESS).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeNoManagementPortWhenNoneIsConfigured() {
    // when
    try (EngineServer engine = EngineServer.start(EngineConfig.ephemeral())) {
      // then
      assertThat(engine.managementPort()).isEqualTo(EngineConfig.NO_MANAGEMENT);
      assertThat(engine.readyLine()).doesNotContain("management");
    }
  }

  private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
