package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.engine.state.ActivatedJobData;
import io.github.workerbench.engine.state.ActivationRequest;
import io.github.workerbench.engine.state.DeploymentResource;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.JobReceiver;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the REST endpoint refuses on its own, beyond what the engine refuses for both protocols:
 * the checks Camunda 8.9's REST gateway makes before a command reaches its engine
 * (JobRequestValidator, ProcessInstanceRequestValidator, RequestValidator, the spec's schemas),
 * which Camunda's gRPC gateway does not make; and the route table's answers for what it does not
 * serve. Each refusal must leave the engine unchanged. Runs the handler on an embedded channel.
 */
class RestOnlyRefusalsTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  // timers never fire: nothing here parks or times out
  private final EngineState state = new EngineState((task, delayMillis) -> () -> {}, clock::get);
  private EmbeddedChannel channel;
  private long jobKey;

  private record Answer(int status, String contentType, JsonNode body) {}

  @BeforeEach
  void open() {
    channel = new EmbeddedChannel(new RestHandler(state, mapper, "127.0.0.1", () -> 26500));
    byte[] bpmn =
        Bpmn.convertToString(
                Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done())
            .getBytes(StandardCharsets.UTF_8);
    state.deploy(List.of(new DeploymentResource("p.bpmn", bpmn)));
    state.createInstance(0, "p", -1, Map.of());
    jobKey = activateOne().key();
  }

  /** The one job activatable now, activated. */
  private ActivatedJobData activateOne() {
    List<ActivatedJobData> activated = new ArrayList<>();
    JobReceiver receiver =
        new JobReceiver() {
          @Override
          public boolean isAlive() {
            return true;
          }

          @Override
          public boolean deliver(List<ActivatedJobData> jobs, Runnable undelivered) {
            activated.addAll(jobs);
            return true;
          }
        };
    state.activate(new ActivationRequest("work", "w", 60_000, 1, List.of()), -1, receiver);
    assertThat(activated).as("activated jobs").hasSize(1);
    return activated.get(0);
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
    state.close();
  }

  private Answer send(HttpMethod method, String uri, String json) throws IOException {
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    HttpUtil.setContentLength(request, request.content().readableBytes());
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    channel.writeInbound(request);
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).as("the answer to %s %s", method, uri).isNotNull();
    String text = response.content().toString(StandardCharsets.UTF_8);
    Answer answer =
        new Answer(
            response.status().code(),
            response.headers().get(HttpHeaderNames.CONTENT_TYPE),
            text.isEmpty() ? null : mapper.readTree(text));
    response.release();
    return answer;
  }

  static Stream<Arguments> requestsCamundasRestGatewayRefuses() {
    return Stream.of(
        // JobRequestValidator.validateJobErrorRequest
        Arguments.of("an error without code", HttpMethod.POST, "/v2/jobs/{job}/error", "{\"errorCode\":\"  \"}"),
        // JobRequestValidator.validateJobUpdateRequest
        Arguments.of("an update changing nothing", HttpMethod.PATCH, "/v2/jobs/{job}", "{\"changeset\":{}}"),
        Arguments.of("an update to timeout 0", HttpMethod.PATCH, "/v2/jobs/{job}", "{\"changeset\":{\"timeout\":0}}"),
        Arguments.of(
            "an update with valid retries and timeout 0",
            HttpMethod.PATCH,
            "/v2/jobs/{job}",
            "{\"changeset\":{\"retries\":7,\"timeout\":0}}"),
        // ProcessInstanceRequestValidator.validateCreateProcessInstanceRequest
        Arguments.of(
            "a creation naming both a key and an id",
            HttpMethod.POST,
            "/v2/process-instances",
            "{\"processDefinitionId\":\"p\",\"processDefinitionKey\":\"1\"}"),
        Arguments.of(
            "a creation with operationReference 0",
            HttpMethod.POST,
            "/v2/process-instances",
            "{\"processDefinitionId\":\"p\",\"operationReference\":0}"),
        // identifiers.yaml BusinessId: minLength 1
        Arguments.of(
            "a creation with an empty business id",
            HttpMethod.POST,
            "/v2/process-instances",
            "{\"processDefinitionId\":\"p\",\"businessId\":\"\"}"),
        // keys.yaml: keys are strings of digits
        Arguments.of("a job key that is not a number", HttpMethod.POST, "/v2/jobs/abc/completion", "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsCamundasRestGatewayRefuses")
  void shouldAnswerBadRequestProblemAndChangeNothingWhenCamundasRestGatewayRefusesTheRequest(
      String name, HttpMethod method, String uri, String json) throws IOException {
    // given
    String path = uri.replace("{job}", Long.toString(jobKey));
    var before = state.counters();

    // when
    Answer answer = send(method, path, json);

    // then
    assertThat(answer.status()).as(name).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().get("title").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(answer.body().get("instance").asText()).isEqualTo(path);
    assertThat(state.counters()).isEqualTo(before);
    assertThat(state.searchInstances(null, null).get(0).hasIncident()).as("no error was thrown").isFalse();
  }

  @Test
  void shouldApplyNeitherChangeWhenUpdateCarriesValidRetriesAndAnInvalidTimeout() throws IOException {
    // given the job activatable again with 1 retry left
    state.fail(jobKey, 1, "boom", 0, Map.of());

    // when an update sets retries 7 and timeout 0
    Answer answer = send(HttpMethod.PATCH, "/v2/jobs/" + jobKey, "{\"changeset\":{\"retries\":7,\"timeout\":0}}");

    // then it is refused as a whole: the job still has 1 retry
    assertThat(answer.status()).isEqualTo(400);
    assertThat(activateOne().retries()).isEqualTo(1);
  }

  static Stream<Arguments> requestsNoRouteServes() {
    return Stream.of(
        Arguments.of(HttpMethod.GET, "/v2/jobs/activation"),
        Arguments.of(HttpMethod.POST, "/v2/topology"),
        Arguments.of(HttpMethod.GET, "/v2/topology/"),
        Arguments.of(HttpMethod.POST, "/v2/jobs/1/unknown"),
        Arguments.of(HttpMethod.POST, "/v2/jobs//completion"),
        Arguments.of(HttpMethod.POST, "/v2/process-instances/1/2/cancellation"),
        Arguments.of(HttpMethod.GET, "/v1/topology"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("requestsNoRouteServes")
  void shouldAnswerNotFoundProblemWhenNoRouteServesTheRequest(HttpMethod method, String uri) throws IOException {
    // when
    Answer answer = send(method, uri, "{}");

    // then
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().get("detail").asText()).contains("does not serve").contains(uri);
  }

  @Test
  void shouldRouteToTheEndpointWhenThePathCarriesAQuery() throws IOException {
    // when
    Answer answer = send(HttpMethod.GET, "/v2/topology?verbose=true", "");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("brokers").get(0).get("port").asInt()).isEqualTo(26500);
  }
}
