package io.github.workerbench.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.auth.AccessTokens;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.github.workerbench.engine.state.EngineState;
import io.github.workerbench.engine.state.VariablesJson;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gRPC refusals of calls without valid credentials, as Camunda's gateway gives them
 * (UNAUTHENTICATED with its descriptions), and a refused deployment that deploys nothing.
 */
class GatewayAuthenticationIT {

  private static final String SECRET = "s3cr3t-grpc-61e0aa5f";
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  private final EngineState state = new EngineState((task, delayMillis) -> () -> {}, clock::get);
  private final AccessTokens tokens = new AccessTokens(Duration.ofSeconds(60), clock::get);
  private ServedGateway gateway;

  private GatewayGrpc.GatewayBlockingStub start(EngineCredentials credentials, String authorization) throws Exception {
    GatewayService service =
        new GatewayService(
            state,
            new VariablesJson(new ObjectMapper()),
            "127.0.0.1",
            () -> 0,
            ApiVersion.latest(),
            List.of(new GatewayAuthentication(credentials, tokens)));
    gateway = ServedGateway.serve(service);
    GatewayGrpc.GatewayBlockingStub stub = gateway.stub();
    if (authorization != null) {
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, authorization);
      stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return stub;
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.close();
    }
    state.close();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static DeployResourceRequest deployment() {
    String bpmn =
        Bpmn.convertToString(Bpmn.createExecutableProcess("p").startEvent().serviceTask("t", t -> t.zeebeJobType("w")).endEvent().done());
    return DeployResourceRequest.newBuilder()
        .addResources(Resource.newBuilder().setName("p.bpmn").setContent(ByteString.copyFrom(bpmn, StandardCharsets.UTF_8)))
        .build();
  }

  private void assertRefused(GatewayGrpc.GatewayBlockingStub gateway, String description) {
    assertThatThrownBy(() -> gateway.deployResource(deployment()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).isEqualTo(description);
              assertThat(e.getTrailers().keys()).doesNotContain("authorization");
            });
    // nothing was deployed: an instance of it cannot be created
    assertThat(state.searchInstances(null, null)).isEmpty();
    assertThatThrownBy(() -> state.createInstance(0, "p", -1, java.util.Map.of()))
        .hasMessageContaining("but none found");
  }

  static Stream<Arguments> oauthRefusals() {
    return Stream.of(
        Arguments.of("no header", null, "Expected authentication information at header with key [authorization], but found nothing"),
        Arguments.of("another scheme", basic("bench", SECRET), "Expected authentication information to start with 'Bearer '"),
        Arguments.of("a token not issued here", "Bearer bm90LWlzc3VlZA", "Expected a valid token, see cause for details"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oauthRefusals")
  void shouldRefuseAsCamundaAndDeployNothingWhenTheTokenIsWrong(String what, String authorization, String description)
      throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway = start(EngineCredentials.oauth("bench", SECRET), authorization);

    // when / then
    assertRefused(gateway, description);
  }

  @Test
  void shouldRefuseAsCamundaWhenTheTokenHasExpired() throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway =
        start(EngineCredentials.oauth("bench", SECRET), "Bearer " + tokens.issue().token());
    clock.addAndGet(60_000);

    // when / then
    assertRefused(gateway, "Expected a valid token, see cause for details");
  }

  @Test
  void shouldServeTheCallWhenTheTokenIsValid() throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway =
        start(EngineCredentials.oauth("bench", SECRET), "Bearer " + tokens.issue().token());

    // when
    var topology = gateway.topology(TopologyRequest.getDefaultInstance());
    var deployed = gateway.deployResource(deployment());

    // then
    assertThat(topology.getGatewayVersion()).isEqualTo("8.9.0");
    assertThat(deployed.getDeploymentsCount()).isEqualTo(1);
  }

  static Stream<Arguments> basicRefusals() {
    return Stream.of(
        Arguments.of("no header", null, "Expected authentication information at header with key [authorization], but found nothing"),
        Arguments.of("another scheme", "Bearer abc", "Expected authentication information to start with 'Basic '"),
        Arguments.of("a value that is not base64", "Basic ***", "Invalid credentials"),
        Arguments.of("a wrong password", basic("demo", SECRET + "-wrong"), "Invalid credentials"),
        Arguments.of("an unknown user", basic("nobody", SECRET), "Invalid credentials"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("basicRefusals")
  void shouldRefuseAsCamundaAndDeployNothingWhenTheBasicCredentialsAreWrong(
      String what, String authorization, String description) throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway = start(EngineCredentials.basic("demo", SECRET), authorization);

    // when / then
    assertRefused(gateway, description);
  }

  @Test
  void shouldServeTheCallWhenTheBasicCredentialsAreRight() throws Exception {
    // given
    GatewayGrpc.GatewayBlockingStub gateway = start(EngineCredentials.basic("demo", SECRET), basic("demo", SECRET));

    // when / then
    assertThat(gateway.deployResource(deployment()).getDeploymentsCount()).isEqualTo(1);
  }
}
