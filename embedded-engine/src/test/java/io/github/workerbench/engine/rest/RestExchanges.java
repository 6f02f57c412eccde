package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.engine.ApiVersion;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One fixed conversation with the REST endpoint that calls every route it serves, with success
 * and with the refusals each route has: the answers the golden files and the spec conformance
 * check. The handler runs on an embedded channel with the clock frozen at {@link #NOW} and timers
 * that never fire, so keys, deadlines and dates are the same on every run.
 */
final class RestExchanges {

  /** 2023-11-14T22:13:20Z. */
  static final long NOW = 1_700_000_000_000L;

  private static final String BOUNDARY = "----workerbench";

  /**
   * One request and its answer.
   *
   * @param name the golden file's name
   * @param request method and path as sent
   * @param schema the answer's schema when it has a body ({@code ProblemDetail} for problems)
   * @param status the HTTP status
   * @param contentType the answer's content type; null without a body
   * @param body the answer's body; null when it has none
   */
  record Exchange(String name, String request, String schema, int status, String contentType, JsonNode body) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final List<Exchange> exchanges = new ArrayList<>();
  private final RestHandler handler;
  private final EmbeddedChannel channel;

  private RestExchanges(ApiVersion version) {
    EngineState state = new EngineState((task, delayMillis) -> () -> {}, () -> NOW);
    handler = new RestHandler(state, mapper, "127.0.0.1", () -> 26500, version, List.of());
    channel = new EmbeddedChannel(handler);
  }

  /** The whole conversation against an engine speaking {@code version}. */
  static List<Exchange> run(ApiVersion version) {
    RestExchanges conversation = new RestExchanges(version);
    try {
      conversation.talk();
    } finally {
      conversation.channel.finishAndReleaseAll();
    }
    return List.copyOf(conversation.exchanges);
  }

  private void talk() {
    send("topology", HttpMethod.GET, "/v2/topology", null, "TopologyResponse");
    deploy();
    send(
        "create",
        HttpMethod.POST,
        "/v2/process-instances",
        "{\"processDefinitionId\":\"order\",\"variables\":{\"amount\":5},\"tags\":[\"team:a\"],\"businessId\":\"order-1\"}",
        "CreateProcessInstanceResult");
    awaitCompletion();
    send("create-unknown-process", HttpMethod.POST, "/v2/process-instances", "{\"processDefinitionId\":\"none\"}", "ProblemDetail");
    send("search", HttpMethod.POST, "/v2/process-instances/search", "{}", "ProcessInstanceSearchQueryResult");
    Exchange activated = activate("activation", "work");
    activate("activation-none", "nothing");
    send(
        "activation-invalid",
        HttpMethod.POST,
        "/v2/jobs/activation",
        "{\"type\":\"\",\"timeout\":1000,\"maxJobsToActivate\":1,\"requestTimeout\":-1}",
        "ProblemDetail");
    String job = firstJob(activated);
    send("update", HttpMethod.PATCH, "/v2/jobs/" + job, "{\"changeset\":{\"retries\":5,\"timeout\":30000}}", null);
    send("update-empty", HttpMethod.PATCH, "/v2/jobs/" + job, "{\"changeset\":{}}", "ProblemDetail");
    send("failure", HttpMethod.POST, "/v2/jobs/" + job + "/failure", "{\"retries\":4,\"errorMessage\":\"boom\"}", null);
    activate("activation-after-failure", "work");
    send("completion", HttpMethod.POST, "/v2/jobs/" + job + "/completion", "{\"variables\":{\"done\":true}}", null);
    send("completion-unknown-job", HttpMethod.POST, "/v2/jobs/" + job + "/completion", "{}", "ProblemDetail");
    String second =
        send("create-second", HttpMethod.POST, "/v2/process-instances", "{\"processDefinitionId\":\"order\"}", "CreateProcessInstanceResult")
            .body()
            .get("processInstanceKey")
            .asText();
    String secondJob = firstJob(activate("activation-second", "work"));
    send("error-without-code", HttpMethod.POST, "/v2/jobs/" + secondJob + "/error", "{}", "ProblemDetail");
    send("error", HttpMethod.POST, "/v2/jobs/" + secondJob + "/error", "{\"errorCode\":\"E1\",\"errorMessage\":\"no handler\"}", null);
    send("cancellation", HttpMethod.POST, "/v2/process-instances/" + second + "/cancellation", "{}", null);
    send("cancellation-again", HttpMethod.POST, "/v2/process-instances/" + second + "/cancellation", "{}", "ProblemDetail");
    send("search-at-end", HttpMethod.POST, "/v2/process-instances/search", "{\"page\":{\"limit\":10}}", "ProcessInstanceSearchQueryResult");
    send("not-served", HttpMethod.GET, "/v2/user-tasks", null, "ProblemDetail");
  }

  private String firstJob(Exchange activation) {
    JsonNode jobs = activation.body() == null ? null : activation.body().get("jobs");
    if (jobs == null || jobs.isEmpty()) {
      throw new AssertionError(activation.name() + " activated no job; the conversation so far: " + exchanges);
    }
    return jobs.get(0).get("jobKey").asText();
  }

  /** A creation awaiting its instance's end, on a connection of its own: answered once its job is done. */
  private void awaitCompletion() {
    EmbeddedChannel waiting = new EmbeddedChannel(handler);
    try {
      String creation = "{\"processDefinitionId\":\"quick\",\"awaitCompletion\":true,\"variables\":{\"x\":1,\"gone\":null}}";
      waiting.writeInbound(request(HttpMethod.POST, "/v2/process-instances", "application/json", creation));
      String job = firstJob(activate("activation-of-awaited", "quick"));
      send("completion-of-awaited", HttpMethod.POST, "/v2/jobs/" + job + "/completion", "{\"variables\":{\"y\":2}}", null);
      record("create-awaiting-completion", "POST /v2/process-instances", "CreateProcessInstanceResult", waiting.readOutbound());
    } finally {
      waiting.finishAndReleaseAll();
    }
  }

  private void deploy() {
    String order =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("order").startEvent().serviceTask("charge", t -> t.zeebeJobType("work")).endEvent().done());
    String empty =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("quick").startEvent().serviceTask("note", t -> t.zeebeJobType("quick")).endEvent().done());
    String body =
        new MultipartBody(BOUNDARY)
            .xmlFile("resources", "order.bpmn", order)
            .xmlFile("resources", "quick.bpmn", empty)
            .build();
    send("deployment", HttpMethod.POST, "/v2/deployments", "multipart/form-data; boundary=" + BOUNDARY, body, "DeploymentResult");
  }

  private Exchange activate(String name, String type) {
    return send(
        name,
        HttpMethod.POST,
        "/v2/jobs/activation",
        "{\"type\":\"" + type + "\",\"worker\":\"golden\",\"timeout\":60000,\"maxJobsToActivate\":5,\"requestTimeout\":-1}",
        "JobActivationResult");
  }

  private Exchange send(String name, HttpMethod method, String uri, String json, String schema) {
    return send(name, method, uri, "application/json", json == null ? "" : json, schema);
  }

  private Exchange send(String name, HttpMethod method, String uri, String contentType, String body, String schema) {
    channel.writeInbound(request(method, uri, contentType, body));
    return record(name, method + " " + uri, schema, channel.readOutbound());
  }

  private static FullHttpRequest request(HttpMethod method, String uri, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.wrappedBuffer(bytes));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    request.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return request;
  }

  private Exchange record(String name, String request, String schema, FullHttpResponse response) {
    if (response == null) {
      throw new AssertionError("no answer to " + request + " (" + name + ")");
    }
    try {
      byte[] content = new byte[response.content().readableBytes()];
      response.content().readBytes(content);
      JsonNode json = content.length == 0 ? null : mapper.readTree(content);
      Exchange exchange =
          new Exchange(
              name,
              request,
              json == null ? null : schema,
              response.status().code(),
              response.headers().get(HttpHeaderNames.CONTENT_TYPE),
              json);
      exchanges.add(exchange);
      return exchange;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      response.release();
    }
  }
}
