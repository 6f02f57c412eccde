package io.github.workerbench.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.github.workerbench.engine.EngineClients;
import io.github.workerbench.engine.EngineConfig;
import io.github.workerbench.engine.OpenedClients;
import io.github.workerbench.engine.EngineServer;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine under a remote cluster's conditions, driven by the real client and by raw requests:
 * latency on every answer and streamed job, and Zeebe's back-pressure with its answers.
 */
class SimulatedClusterIT {

  private static final long LATENCY_MS = 25;

  private EngineServer engine;
  @RegisterExtension final OpenedClients clients = new OpenedClients();

  @AfterEach
  void stop() {
    // the engine first: the clients close after this
    if (engine != null) {
      engine.close();
    }
  }

  private void start(ClusterConditions conditions) {
    engine = EngineServer.start(EngineConfig.ephemeral(), conditions);
  }

  private CamundaClient client(boolean rest, boolean retry) {
    return clients.open(EngineClients.builder(engine).preferRestOverGrpc(rest).useDefaultRetryPolicy(retry));
  }

  private static long millisOf(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void shouldDelayEveryAnswerByTheLatencyWhenCallsGoOverEitherProtocol() {
    // given
    start(new ClusterConditions(LATENCY_MS, 0, 0));
    for (boolean rest : new boolean[] {true, false}) {
      CamundaClient client = client(rest, true);
      EngineClients.deployOneTask(client, "latency-" + rest);
      // when / then: every answer takes at least the latency (the upper bound is generous: a
      // loaded machine adds its own delays, which this test does not measure)
      for (int i = 0; i < 5; i++) {
        long created =
            millisOf(
                () ->
                    client.newCreateInstanceCommand().bpmnProcessId("latency-" + rest).latestVersion()
                        .send().join());
        assertThat(created).as("creation over %s", rest ? "REST" : "gRPC").isBetween(LATENCY_MS, LATENCY_MS + 2_000);
      }
      List<ActivatedJob> jobs =
          client.newActivateJobsCommand().jobType("latency-" + rest).maxJobsToActivate(5)
              .timeout(Duration.ofMinutes(1)).send().join().getJobs();
      assertThat(jobs).hasSize(5);
      long completed = millisOf(() -> client.newCompleteCommand(jobs.get(0).getKey()).send().join());
      assertThat(completed).isBetween(LATENCY_MS, LATENCY_MS + 2_000);
    }
  }

  @Test
  void shouldDelayEveryStreamedJobByTheLatencyWhenJobsArePushed() throws Exception {
    // given a job waiting before its stream opens (the engine pushes waiting jobs on opening)
    start(new ClusterConditions(LATENCY_MS, 0, 0));
    CamundaClient client = client(false, true);
    EngineClients.deployOneTask(client, "streamed");
    client.newCreateInstanceCommand().bpmnProcessId("streamed").latestVersion().send().join();
    CompletableFuture<Long> received = new CompletableFuture<>();

    // when a stream opens
    long opened = System.nanoTime();
    var stream =
        client
            .newStreamJobsCommand()
            .jobType("streamed")
            .consumer(job -> received.complete(System.nanoTime()))
            .workerName("test")
            .timeout(Duration.ofMinutes(1))
            .send();
    long pushedAt = received.get(30, TimeUnit.SECONDS);
    stream.cancel(true);

    // then the opening travelled one latency to the engine, the pushed job one more back
    assertThat(TimeUnit.NANOSECONDS.toMillis(pushedAt - opened)).isGreaterThanOrEqualTo(2 * LATENCY_MS);
  }

  @Test
  void shouldRefuseCommandsBeyondTheLimitWithZeebesAnswersWhenTooManyAreInFlight() throws Exception {
    // given one command in flight at most, each in flight for 200 ms
    start(new ClusterConditions(200, 0, 1));
    CamundaClient setup = client(false, true);
    EngineClients.deployOneTask(setup, "limited");
    HttpClient http = HttpClient.newHttpClient();
    URI creations = URI.create("http://127.0.0.1:" + engine.restPort() + "/v2/process-instances");
    URI activation = URI.create("http://127.0.0.1:" + engine.restPort() + "/v2/jobs/activation");

    // when 4 creations and an activation go out at once over REST
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(http.sendAsync(post(creations, "{\"processDefinitionId\":\"limited\"}"), HttpResponse.BodyHandlers.ofString()));
    }
    answers.add(
        http.sendAsync(
            post(activation, "{\"type\":\"limited\",\"maxJobsToActivate\":1,\"timeout\":60000,\"requestTimeout\":1}"),
            HttpResponse.BodyHandlers.ofString()));

    // then the refused ones are Camunda's back-pressure problem: 503 titled RESOURCE_EXHAUSTED
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> refused = new ArrayList<>();
    int accepted = 0;
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
      if (response.statusCode() == 503) {
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        refused.add(json.readTree(response.body()));
      } else {
        accepted++;
      }
    }
    assertThat(accepted).isGreaterThanOrEqualTo(1);
    assertThat(refused).isNotEmpty();
    assertThat(refused).allSatisfy(problem -> assertThat(problem.path("title").asText()).isEqualTo("RESOURCE_EXHAUSTED"));
    assertThat(refused)
        .extracting(problem -> problem.path("detail").asText())
        .allSatisfy(
            detail ->
                assertThat(detail)
                    .isIn(
                        SimulatedCluster.REQUEST_LIMIT_EXHAUSTED,
                        SimulatedCluster.activationRefused("limited")));
    assertThat(engine.refusedCommands()).isEqualTo(refused.size());
  }

  @Test
  void shouldAnswerResourceExhaustedOverGrpcWhenTheClientDoesNotRetry() {
    // given
    start(new ClusterConditions(200, 0, 1));
    CamundaClient client = client(false, false);
    EngineClients.deployOneTask(client, "grpc-limited");

    // when two creations go out at once, the first holding the only slot for 200 ms
    var first = client.newCreateInstanceCommand().bpmnProcessId("grpc-limited").latestVersion().send();
    var second = client.newCreateInstanceCommand().bpmnProcessId("grpc-limited").latestVersion().send();

    // then exactly one is refused, as Zeebe's broker refuses it
    List<Throwable> failures = new ArrayList<>();
    for (var answer : List.of(first, second)) {
      try {
        answer.join();
      } catch (ClientStatusException e) {
        failures.add(e);
      }
    }
    assertThat(failures).hasSize(1);
    ClientStatusException refusal = (ClientStatusException) failures.get(0);
    assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refusal.getStatus().getDescription()).isEqualTo(SimulatedCluster.REQUEST_LIMIT_EXHAUSTED);
  }

  @Test
  void shouldNeverRefuseCompletionsWhenTheLimitIsReached() {
    // given one command in flight at most
    start(new ClusterConditions(100, 0, 1));
    CamundaClient client = client(false, false);

    // when five completions (of unknown jobs) go out at once
    List<Status.Code> codes = new ArrayList<>();
    var answers = new ArrayList<io.camunda.client.api.CamundaFuture<?>>();
    for (int i = 1; i <= 5; i++) {
      answers.add(client.newCompleteCommand(i).send());
    }
    for (var answer : answers) {
      try {
        answer.join();
      } catch (ClientStatusException e) {
        codes.add(e.getStatus().getCode());
      }
    }

    // then each was processed (NOT_FOUND), none refused
    assertThat(codes).containsOnly(Status.Code.NOT_FOUND).hasSize(5);
    assertThat(engine.refusedCommands()).isZero();
  }

  @Test
  void shouldCreateEveryInstanceWhenTheClientRetriesTheRefusalsOverGrpc() {
    // given
    start(new ClusterConditions(20, 0, 2));
    CamundaClient client = client(false, true);
    EngineClients.deployOneTask(client, "retried");

    // when 20 creations go out at once
    List<CompletableFuture<?>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(client.newCreateInstanceCommand().bpmnProcessId("retried").latestVersion().send().toCompletableFuture());
    }

    // then the client's retry policy got every one through
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    assertThat(engine.refusedCommands()).isPositive();
  }

  @Test
  void shouldAnswerUnderTheNewConditionsWhenTheyChangeWhileTheEngineRuns() {
    // given an engine started as it is
    start(ClusterConditions.none());
    CamundaClient client = client(false, false);
    EngineClients.deployOneTask(client, "switched");

    // when back-pressure is switched on, then off again
    engine.simulate(new ClusterConditions(200, 0, 1));
    int refusedWhileLimited = failures(createAtOnce(client, "switched", 3));
    long refusals = engine.refusedCommands();
    engine.simulate(ClusterConditions.none());
    int refusedAfter = failures(createAtOnce(client, "switched", 3));

    // then only the calls made while it was on were refused
    assertThat(refusedWhileLimited).isPositive();
    assertThat(refusals).isEqualTo(refusedWhileLimited);
    assertThat(refusedAfter).isZero();
    assertThat(engine.refusedCommands()).isEqualTo(refusals);
  }

  private static List<io.camunda.client.api.CamundaFuture<?>> createAtOnce(CamundaClient client, String id, int count) {
    List<io.camunda.client.api.CamundaFuture<?>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send());
    }
    return answers;
  }

  private static int failures(List<io.camunda.client.api.CamundaFuture<?>> answers) {
    int failed = 0;
    for (var answer : answers) {
      try {
        answer.join();
      } catch (ClientStatusException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        failed++;
      }
    }
    return failed;
  }

  private static HttpRequest post(URI uri, String body) {
    return HttpRequest.newBuilder(uri)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
