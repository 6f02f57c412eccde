package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench engine} in a child JVM: its ready line names the three endpoints, the management
 * port answers Camunda's health probes, and every interface is served only when asked for.
 */
class EngineCommandIT {

  private static final Pattern READY =
      Pattern.compile(
          "engine ready grpc=(\\S+):(\\d+) rest=http://(\\S+):(\\d+) management=http://(\\S+):(\\d+)");

  @Test
  void shouldAnswerTheHealthProbesOnTheManagementPortWhenServing() throws Exception {
    // given
    try (ChildBench child =
            ChildBench.start(
                Map.of(),
                "engine", "--grpc-port", "0", "--rest-port", "0", "--management-port", "0");
        HttpClient http = HttpClient.newHttpClient()) {
      // when
      Matcher ready = awaitReady(child);

      // then
      assertThat(ready.group(1)).isEqualTo("127.0.0.1");
      assertThat(ready.group(5)).isEqualTo("127.0.0.1");
      for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ready.group(6) + probe))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      }
      assertThat(child.stderr()).doesNotContain("every interface");
    }
  }

  @Test
  void shouldListenOnEveryInterfaceAndSaySoWhenAskedTo() throws Exception {
    // given
    try (ChildBench child =
        ChildBench.start(
            Map.of(),
            "engine", "--all-interfaces", "--grpc-port", "0", "--rest-port", "0",
            "--management-port", "-1")) {
      // when
      String line = await("the ready line")
          .atMost(Duration.ofSeconds(60))
          .until(() -> child.stdout().lines().filter(l -> l.startsWith("engine ready")).findFirst(),
              found -> found.isPresent())
          .orElseThrow();

      // then
      assertThat(line).startsWith("engine ready grpc=0.0.0.0:").doesNotContain("management");
      assertThat(child.stderr())
          .contains("bench engine: listening on every interface; anyone who reaches this machine"
              + " can use the engine");
    }
  }

  private static Matcher awaitReady(ChildBench child) {
    return await("the ready line")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Matcher matcher = READY.matcher(child.stdout());
              return matcher.find() ? matcher : null;
            },
            matcher -> matcher != null);
  }
}
