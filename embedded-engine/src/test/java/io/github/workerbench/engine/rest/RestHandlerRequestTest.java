package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.engine.state.EngineState;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request side of the REST subset against Camunda 8.9's spec (camunda/camunda stable/8.9,
 * zeebe/gateway-protocol/src/main/proto/v2/process-instances.yaml, jobs.yaml, deployments.yaml):
 * every field the request schemas allow is accepted, and a request missing a required field gets
 * a 400 application/problem+json answer. Runs the handler on an embedded channel, no sockets.
 */
class RestHandlerRequestTest {

  private static final String BOUNDARY = "----workerbench";
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  // timers never fire: polls below use requestTimeout -1 and answer at once
  private final EngineState state = new EngineState((task, delayMillis) -> () -> {}, clock::get);
  private EmbeddedChannel channel;

  @BeforeEach
  void open() {
    channel = new EmbeddedChannel(new RestHandler(state, mapper, "127.0.0.1", () -> 26500));
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
    state.close();
  }

  private record Answer(int status, String contentType, JsonNode body) {}

  private Answer send(HttpMethod method, String uri, String contentType, byte[] body) throws IOException {
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    request.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    channel.writeInbound(request);
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).as("an answer to %s %s", method, uri).isNotNull();
    try {
      byte[] bytes = new byte[response.content().readableBytes()];
      response.content().readBytes(bytes);
      JsonNode json = bytes.length == 0 ? null : mapper.readTree(bytes);
      return new Answer(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE), json);
    } finally {
      response.release();
    }
  }

  private Answer post(String uri, String json) throws IOException {
    return send(HttpMethod.POST, uri, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private Answer deploy(String partName) throws IOException {
    String bpmn =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done());
    String body =
        new MultipartBody(BOUNDARY).field("tenantId", "<default>").xmlFile(partName, "p.bpmn", bpmn).build();
    return send(
        HttpMethod.POST, "/v2/deployments", "multipart/form-data; boundary=" + BOUNDARY, body.getBytes(StandardCharsets.UTF_8));
  }

  private String createInstance() throws IOException {
    Answer created = post("/v2/process-instances", "{\"processDefinitionId\":\"p\"}");
    assertThat(created.status()).isEqualTo(200);
    return created.body().get("processInstanceKey").asText();
  }

  private String activateJob() throws IOException {
    Answer answer = post("/v2/jobs/activation", "{\"type\":\"work\",\"timeout\":60000,\"maxJobsToActivate\":1,\"requestTimeout\":-1}");
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().get("jobs").get(0).get("jobKey").asText();
  }

  @Test
  void shouldDeployWhenTenantPartAccompaniesResources() throws IOException {
    // when
    Answer answer = deploy("resources");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("deployments").get(0).get("processDefinition").get("processDefinitionId").asText())
        .isEqualTo("p");
  }

  @Test
  void shouldCreateAndEchoTagsAndBusinessIdWhenEveryOptionalFieldIsGiven() throws IOException {
    // given
    deploy("resources");

    // when
    Answer answer =
        post(
            "/v2/process-instances",
            """
            {"processDefinitionId":"p","processDefinitionVersion":-1,"variables":{"n":1},
             "tenantId":"<default>","operationReference":5,"startInstructions":[],"runtimeInstructions":[],
             "awaitCompletion":false,"fetchVariables":["n"],"requestTimeout":0,
             "tags":["team:a","b"],"businessId":"order-1"}""");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("tags")).extracting(JsonNode::asText).containsExactly("team:a", "b");
    assertThat(answer.body().get("businessId").asText()).isEqualTo("order-1");
    assertThat(answer.body().get("processInstanceKey").asText()).matches("^-?[0-9]+$");
  }

  @Test
  void shouldActivateWhenTenantFieldsAreGiven() throws IOException {
    // given
    deploy("resources");
    createInstance();

    // when
    Answer answer =
        post(
            "/v2/jobs/activation",
            """
            {"type":"work","worker":"w","timeout":60000,"maxJobsToActivate":5,"fetchVariable":["n"],
             "requestTimeout":-1,"tenantIds":["<default>"],"tenantFilter":"PROVIDED"}""");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("jobs")).hasSize(1);
  }

  @Test
  void shouldAnswerNoContentWhenJobCommandsCarryEveryOptionalField() throws IOException {
    // given
    deploy("resources");
    createInstance();
    createInstance();
    createInstance();
    String updated = activateJob();
    String failed = activateJob();
    String completed = activateJob();

    // when
    Answer update = send(
        HttpMethod.PATCH, "/v2/jobs/" + updated, "application/json",
        "{\"changeset\":{\"retries\":5,\"timeout\":30000},\"operationReference\":7}".getBytes(StandardCharsets.UTF_8));
    Answer failure = post("/v2/jobs/" + failed + "/failure",
        "{\"retries\":2,\"errorMessage\":\"boom\",\"retryBackOff\":0,\"variables\":{\"x\":1}}");
    Answer completion = post("/v2/jobs/" + completed + "/completion", "{\"variables\":null,\"result\":null}");
    Answer error = post("/v2/jobs/" + updated + "/error", "{\"errorCode\":\"E\",\"errorMessage\":null,\"variables\":null}");

    // then
    assertThat(update.status()).isEqualTo(204);
    assertThat(failure.status()).isEqualTo(204);
    assertThat(completion.status()).isEqualTo(204);
    // no boundary event catches E: the job becomes an incident, the command itself is accepted
    assertThat(error.status()).isEqualTo(204);
  }

  @Test
  void shouldCancelWhenOperationReferenceIsGiven() throws IOException {
    // given
    deploy("resources");
    String key = createInstance();

    // when
    Answer answer = post("/v2/process-instances/" + key + "/cancellation", "{\"operationReference\":3}");

    // then
    assertThat(answer.status()).isEqualTo(204);
  }

  @Test
  void shouldPageAndFilterWhenSearchCarriesSortPageAndFilters() throws IOException {
    // given
    deploy("resources");
    createInstance();
    createInstance();

    // when
    Answer answer =
        post(
            "/v2/process-instances/search",
            """
            {"filter":{"processDefinitionId":"p","state":{"$in":["ACTIVE","COMPLETED"]},
                       "tenantId":{"$eq":"<default>"},"hasIncident":false},
             "sort":[{"field":"startDate","order":"DESC"}],"page":{"limit":1}}""");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("items")).hasSize(1);
    assertThat(answer.body().get("page").get("totalItems").asLong()).isEqualTo(2);
  }

  @Test
  void shouldFindNothingWhenSearchFiltersAnotherProcess() throws IOException {
    // given
    deploy("resources");
    createInstance();

    // when
    Answer answer = post("/v2/process-instances/search", "{\"filter\":{\"processDefinitionId\":{\"$eq\":\"other\"}}}");

    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("items")).isEmpty();
    assertThat(answer.body().get("page").get("totalItems").asLong()).isZero();
  }

  static Stream<Arguments> requestsMissingARequiredField() {
    return Stream.of(
        Arguments.of("/v2/jobs/activation", "{\"timeout\":1000,\"maxJobsToActivate\":1}"),
        Arguments.of("/v2/jobs/activation", "{\"type\":\"work\",\"maxJobsToActivate\":1}"),
        Arguments.of("/v2/jobs/activation", "{\"type\":\"work\",\"timeout\":1000}"),
        Arguments.of("/v2/process-instances", "{\"variables\":{}}"),
        Arguments.of("/v2/process-instances", "{\"processDefinitionId\":\"p\",\"tags\":[\"1bad\"]}"),
        Arguments.of("/v2/jobs/1/error", "{\"errorMessage\":\"no code\"}"));
  }

  @ParameterizedTest
  @MethodSource("requestsMissingARequiredField")
  void shouldAnswerBadRequestProblemWhenRequiredFieldIsMissing(String uri, String json) throws IOException {
    // given
    deploy("resources");

    // when
    Answer answer = post(uri, json);

    // then
    assertBadRequestProblem(answer, uri);
  }

  @Test
  void shouldAnswerBadRequestProblemWhenUpdateHasNoChangeset() throws IOException {
    // when
    Answer answer = send(HttpMethod.PATCH, "/v2/jobs/1", "application/json", "{\"operationReference\":1}".getBytes(StandardCharsets.UTF_8));

    // then
    assertBadRequestProblem(answer, "/v2/jobs/1");
  }

  @Test
  void shouldAnswerBadRequestProblemWhenDeploymentHasNoResources() throws IOException {
    // when
    Answer answer = deploy("notResources");

    // then
    assertBadRequestProblem(answer, "/v2/deployments");
  }

  private static void assertBadRequestProblem(Answer answer, String uri) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    for (String field : new String[] {"type", "title", "status", "detail", "instance"}) {
      assertThat(answer.body().hasNonNull(field)).as("problem has %s", field).isTrue();
    }
    assertThat(answer.body().get("status").asInt()).isEqualTo(400);
    assertThat(answer.body().get("instance").asText()).isEqualTo(uri);
  }
}
