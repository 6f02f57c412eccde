package io.github.workerbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc.GatewayBlockingStub;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of requests, each sent over gRPC and over REST to the same running engine: both
 * protocols must answer each in the same category (accepted, or refused as INVALID_ARGUMENT / 400,
 * NOT_FOUND / 404, INVALID_STATE: FAILED_PRECONDITION / 409, a REST refusal always an {@code
 * application/problem+json} problem titled with its rejection). The rows are the rules Camunda
 * applies to both protocols (its engine's, and the gateways' shared ones); requests are raw
 * protocol messages, not the client's, so no client-side check hides an answer. What Camunda's
 * REST gateway alone refuses is in {@code RestOnlyRefusalsTest}.
 */
class ProtocolValidationIT {

  /** How a protocol answered a request. */
  enum Refusal {
    ACCEPTED,
    INVALID_ARGUMENT,
    NOT_FOUND,
    INVALID_STATE,
    /** Anything else (another status, a REST refusal that is not a problem): always a failure. */
    OTHER
  }

  /** An answer's category and what it said, for the failure message. */
  record Outcome(Refusal refusal, String detail) {}

  /** Prepares what a row's requests need (a job, an instance) and returns its key, or 0. */
  @FunctionalInterface
  interface Given {
    long prepare(String type);
  }

  @FunctionalInterface
  interface OverGrpc {
    void send(GatewayBlockingStub gateway, long key, String type);
  }

  /** Returns the REST answer's status and body. */
  @FunctionalInterface
  interface OverRest {
    Rest.Answer send(Rest rest, long key, String type) throws Exception;
  }

  /** One request of the table, said once per protocol. */
  record Row(String name, Refusal expected, Given given, OverGrpc grpc, OverRest rest) {
    @Override
    public String toString() {
      return name + " -> " + expected;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger TYPES = new AtomicInteger();
  private static final String LONG_ID = "b".repeat(257);

  private static EngineServer engine;
  private static ManagedChannel channel;
  private static Rest rest;

  @BeforeAll
  static void startEngine() {
    engine = EngineServer.start(EngineConfig.ephemeral());
    channel = NettyChannelBuilder.forAddress("127.0.0.1", engine.grpcPort()).usePlaintext().build();
    rest = new Rest(URI.create("http://127.0.0.1:" + engine.restPort()));
  }

  @AfterAll
  static void stopEngine() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    engine.close();
  }

  private static GatewayBlockingStub gateway() {
    return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  static Stream<Row> requests() {
    return Stream.of(
        // activation (Camunda: engine JobBatchActivateProcessor, REST JobRequestValidator)
        new Row("activate with a blank type", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::nothing,
            (g, key, type) -> activate(g, " ", "w", 60_000, 1),
            (r, key, type) -> r.post("/v2/jobs/activation", activation(" ", "w", 60_000, 1))),
        new Row("activate with timeout 0", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::nothing,
            (g, key, type) -> activate(g, type, "w", 0, 1),
            (r, key, type) -> r.post("/v2/jobs/activation", activation(type, "w", 0, 1))),
        new Row("activate with maxJobsToActivate 0", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::nothing,
            (g, key, type) -> activate(g, type, "w", 60_000, 0),
            (r, key, type) -> r.post("/v2/jobs/activation", activation(type, "w", 60_000, 0))),
        // the worker name is for logging only: Camunda's engine stopped refusing a blank one in 0.26
        new Row("activate with a blank worker", Refusal.ACCEPTED, type -> instance(type, 2),
            (g, key, type) -> assertThat(activate(g, type, "", 60_000, 1).getJobsList()).hasSize(1),
            (r, key, type) -> r.post("/v2/jobs/activation", activation(type, "", 60_000, 1))),
        // deployment (Camunda: engine DeploymentCreateProcessor, BPMN validation)
        new Row("deploy no resources", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::nothing,
            (g, key, type) -> g.deployResource(DeployResourceRequest.getDefaultInstance()),
            (r, key, type) -> r.deploy(null, null)),
        new Row("deploy a resource that is not BPMN", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::nothing,
            (g, key, type) -> deploy(g, "notes.txt", "hello"),
            (r, key, type) -> r.deploy("notes.txt", "hello")),
        new Row("deploy BPMN with an unsupported element", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::nothing,
            (g, key, type) -> deploy(g, "gateway.bpmn", withGateway(type)),
            (r, key, type) -> r.deploy("gateway.bpmn", withGateway(type))),
        // instance creation (Camunda: engine ProcessInstanceCreationHelper, TagUtil)
        new Row("create an instance of an unknown process id", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) -> g.createProcessInstance(create("unknown-" + type).build()),
            (r, key, type) -> r.post("/v2/process-instances", Map.of("processDefinitionId", "unknown-" + type))),
        new Row("create an instance of an unknown definition key", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) ->
                g.createProcessInstance(CreateProcessInstanceRequest.newBuilder().setProcessDefinitionKey(42).build()),
            (r, key, type) -> r.post("/v2/process-instances", Map.of("processDefinitionKey", "42"))),
        new Row("create an instance with variables that are not an object", Refusal.INVALID_ARGUMENT,
            ProtocolValidationIT::deployed,
            (g, key, type) -> g.createProcessInstance(create(type).setVariables("[1]").build()),
            (r, key, type) -> r.post("/v2/process-instances", Map.of("processDefinitionId", type, "variables", List.of(1)))),
        new Row("create an instance with 11 tags", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::deployed,
            (g, key, type) -> g.createProcessInstance(create(type).addAllTags(tags(11)).build()),
            (r, key, type) -> r.post("/v2/process-instances", Map.of("processDefinitionId", type, "tags", tags(11)))),
        new Row("create an instance with a tag starting with a digit", Refusal.INVALID_ARGUMENT,
            ProtocolValidationIT::deployed,
            (g, key, type) -> g.createProcessInstance(create(type).addTags("1st").build()),
            (r, key, type) -> r.post("/v2/process-instances", Map.of("processDefinitionId", type, "tags", List.of("1st")))),
        new Row("create an instance with a business id of 257 characters", Refusal.INVALID_ARGUMENT,
            ProtocolValidationIT::deployed,
            (g, key, type) -> g.createProcessInstance(create(type).setBusinessId(LONG_ID).build()),
            (r, key, type) -> r.post("/v2/process-instances", Map.of("processDefinitionId", type, "businessId", LONG_ID))),
        new Row("create an instance with 10 tags and a business id of 256 characters", Refusal.ACCEPTED,
            ProtocolValidationIT::deployed,
            (g, key, type) ->
                assertThat(
                        g.createProcessInstance(create(type).addAllTags(tags(10)).setBusinessId(LONG_ID.substring(1)).build())
                            .getTagsList())
                    .isEqualTo(tags(10)),
            (r, key, type) ->
                r.post(
                    "/v2/process-instances",
                    Map.of("processDefinitionId", type, "tags", tags(10), "businessId", LONG_ID.substring(1)))),
        new Row("cancel an unknown instance", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) ->
                g.cancelProcessInstance(CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(42).build()),
            (r, key, type) -> r.post("/v2/process-instances/42/cancellation", Map.of())),
        // job commands (Camunda: engine job processors and JobUpdateBehaviour)
        new Row("complete an unknown job", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) -> g.completeJob(CompleteJobRequest.newBuilder().setJobKey(42).build()),
            (r, key, type) -> r.post("/v2/jobs/42/completion", Map.of())),
        new Row("complete a job with an incident", Refusal.INVALID_STATE, ProtocolValidationIT::incidentJob,
            (g, key, type) -> g.completeJob(CompleteJobRequest.newBuilder().setJobKey(key).build()),
            (r, key, type) -> r.post("/v2/jobs/" + key + "/completion", Map.of())),
        new Row("complete a job with variables that are not an object", Refusal.INVALID_ARGUMENT,
            ProtocolValidationIT::activatedJob,
            (g, key, type) -> g.completeJob(CompleteJobRequest.newBuilder().setJobKey(key).setVariables("3").build()),
            (r, key, type) -> r.post("/v2/jobs/" + key + "/completion", Map.of("variables", 3))),
        new Row("fail an unknown job", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) -> g.failJob(FailJobRequest.newBuilder().setJobKey(42).setRetries(1).build()),
            (r, key, type) -> r.post("/v2/jobs/42/failure", Map.of("retries", 1))),
        new Row("throw an error for an unknown job", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) -> g.throwError(ThrowErrorRequest.newBuilder().setJobKey(42).setErrorCode("E").build()),
            (r, key, type) -> r.post("/v2/jobs/42/error", Map.of("errorCode", "E"))),
        new Row("update a job's retries to 0", Refusal.INVALID_ARGUMENT, ProtocolValidationIT::activatedJob,
            (g, key, type) -> g.updateJobRetries(UpdateJobRetriesRequest.newBuilder().setJobKey(key).setRetries(0).build()),
            (r, key, type) -> r.patch("/v2/jobs/" + key, Map.of("changeset", Map.of("retries", 0)))),
        new Row("update the retries of an unknown job", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) -> g.updateJobRetries(UpdateJobRetriesRequest.newBuilder().setJobKey(42).setRetries(2).build()),
            (r, key, type) -> r.patch("/v2/jobs/42", Map.of("changeset", Map.of("retries", 2)))),
        new Row("update the timeout of a job that is not activated", Refusal.INVALID_STATE,
            ProtocolValidationIT::activatableJob,
            (g, key, type) -> g.updateJobTimeout(UpdateJobTimeoutRequest.newBuilder().setJobKey(key).setTimeout(1_000).build()),
            (r, key, type) -> r.patch("/v2/jobs/" + key, Map.of("changeset", Map.of("timeout", 1_000)))),
        new Row("update the timeout of an unknown job", Refusal.NOT_FOUND, ProtocolValidationIT::nothing,
            (g, key, type) -> g.updateJobTimeout(UpdateJobTimeoutRequest.newBuilder().setJobKey(42).setTimeout(1_000).build()),
            (r, key, type) -> r.patch("/v2/jobs/42", Map.of("changeset", Map.of("timeout", 1_000)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void shouldAnswerAlikeOnGrpcAndRestWhenTheSameRequestIsSent(Row row) {
    // given
    String type = "v" + TYPES.incrementAndGet();
    long key = row.given().prepare(type);

    // when
    Outcome grpc = overGrpc(row, key, type);
    Outcome rest = overRest(row, key, type);

    // then
    assertThat(grpc.refusal()).as("gRPC answer to '%s': %s", row.name(), grpc.detail()).isEqualTo(row.expected());
    assertThat(rest.refusal()).as("REST answer to '%s': %s", row.name(), rest.detail()).isEqualTo(row.expected());
  }

  private static Outcome overGrpc(Row row, long key, String type) {
    try {
      row.grpc().send(gateway(), key, type);
      return new Outcome(Refusal.ACCEPTED, "OK");
    } catch (StatusRuntimeException e) {
      Refusal refusal =
          switch (e.getStatus().getCode()) {
            case INVALID_ARGUMENT -> Refusal.INVALID_ARGUMENT;
            case NOT_FOUND -> Refusal.NOT_FOUND;
            case FAILED_PRECONDITION -> Refusal.INVALID_STATE;
            default -> Refusal.OTHER;
          };
      return new Outcome(refusal, e.getStatus().toString());
    }
  }

  private static Outcome overRest(Row row, long key, String type) {
    Rest.Answer answer;
    try {
      answer = row.rest().send(rest, key, type);
    } catch (Exception e) {
      return new Outcome(Refusal.OTHER, e.toString());
    }
    String detail = answer.status() + " " + answer.contentType() + " " + answer.body();
    if (answer.status() / 100 == 2) {
      return new Outcome(Refusal.ACCEPTED, detail);
    }
    Refusal refusal =
        switch (answer.status()) {
          case 400 -> Refusal.INVALID_ARGUMENT;
          case 404 -> Refusal.NOT_FOUND;
          case 409 -> Refusal.INVALID_STATE;
          default -> Refusal.OTHER;
        };
    boolean problem =
        "application/problem+json".equals(answer.contentType())
            && answer.body() != null
            && answer.body().path("status").asInt() == answer.status()
            && answer.body().path("title").asText().equals(refusal.name());
    return new Outcome(problem ? refusal : Refusal.OTHER, detail);
  }

  // ------------------------------------------------------------------ what rows need

  private static long nothing(String type) {
    return 0;
  }

  private static long deployed(String type) {
    deploy(gateway(), type + ".bpmn", oneTask(type));
    return 0;
  }

  private static long instance(String type, int count) {
    deployed(type);
    long key = 0;
    for (int i = 0; i < count; i++) {
      key = gateway().createProcessInstance(create(type).build()).getProcessInstanceKey();
    }
    return key;
  }

  private static long activatedJob(String type) {
    instance(type, 1);
    List<ActivatedJob> jobs = activate(gateway(), type, "given", 600_000, 1).getJobsList();
    assertThat(jobs).as("the job the row works on").hasSize(1);
    return jobs.get(0).getKey();
  }

  /** A job activated once, then failed with a retry left and no back-off: activatable again. */
  private static long activatableJob(String type) {
    long key = activatedJob(type);
    gateway().failJob(FailJobRequest.newBuilder().setJobKey(key).setRetries(1).build());
    return key;
  }

  /** A job failed with no retries left: an incident, neither activatable nor activated. */
  private static long incidentJob(String type) {
    long key = activatedJob(type);
    gateway().failJob(FailJobRequest.newBuilder().setJobKey(key).setRetries(0).build());
    return key;
  }

  private static String oneTask(String type) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(type).startEvent().serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());
  }

  private static String withGateway(String type) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(type)
            .startEvent()
            .exclusiveGateway("split")
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
  }

  private static void deploy(GatewayBlockingStub gateway, String name, String content) {
    gateway.deployResource(
        DeployResourceRequest.newBuilder()
            .addResources(Resource.newBuilder().setName(name).setContent(ByteString.copyFromUtf8(content)))
            .build());
  }

  private static CreateProcessInstanceRequest.Builder create(String processId) {
    return CreateProcessInstanceRequest.newBuilder().setBpmnProcessId(processId).setVersion(-1);
  }

  private static ActivateJobsResponse activate(
      GatewayBlockingStub gateway, String type, String worker, long timeout, int maxJobs) {
    // requestTimeout -1: answered at once, with what is activatable now
    Iterator<ActivateJobsResponse> answers =
        gateway.activateJobs(
            ActivateJobsRequest.newBuilder()
                .setType(type)
                .setWorker(worker)
                .setTimeout(timeout)
                .setMaxJobsToActivate(maxJobs)
                .setRequestTimeout(-1)
                .build());
    return answers.next();
  }

  private static Map<String, Object> activation(String type, String worker, long timeout, int maxJobs) {
    return Map.of(
        "type", type, "worker", worker, "timeout", timeout, "maxJobsToActivate", maxJobs, "requestTimeout", -1);
  }

  private static List<String> tags(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "tag" + i).toList();
  }

  /** The REST side: JSON requests and multipart deployments over the JDK's HTTP client. */
  static final class Rest {

    record Answer(int status, String contentType, JsonNode body) {}

    private static final String BOUNDARY = "----protocol-validation";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Rest(URI base) {
      this.base = base;
    }

    Answer post(String path, Object json) throws Exception {
      return send(path, "POST", "application/json", MAPPER.writeValueAsString(json));
    }

    Answer patch(String path, Object json) throws Exception {
      return send(path, "PATCH", "application/json", MAPPER.writeValueAsString(json));
    }

    /** A deployment with the given file as its resources part, or none (name null). */
    Answer deploy(String name, String content) throws Exception {
      StringBuilder body = new StringBuilder();
      body.append("--").append(BOUNDARY).append("\r\n")
          .append("Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n<default>\r\n");
      if (name != null) {
        body.append("--").append(BOUNDARY).append("\r\n")
            .append("Content-Disposition: form-data; name=\"resources\"; filename=\"").append(name).append("\"\r\n")
            .append("Content-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n");
      }
      body.append("--").append(BOUNDARY).append("--\r\n");
      return send("/v2/deployments", "POST", "multipart/form-data; boundary=" + BOUNDARY, body.toString());
    }

    private Answer send(String path, String method, String contentType, String body) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", contentType)
              .method(method, BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      JsonNode json = text == null || text.isEmpty() ? null : MAPPER.readTree(text);
      return new Answer(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json);
    }
  }
}
