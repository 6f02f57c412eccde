package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.EngineCounters;
import io.github.workerbench.engine.auth.AccessTokens;
import io.github.workerbench.engine.auth.EngineCredentials;
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
 * REST refusals of requests without valid credentials, as Camunda's REST API gives them (Spring
 * Security's messages in Camunda's 401 problem), for every kind of wrong credential, and the
 * engine's state unchanged by every refused request. Runs the handler on an embedded channel.
 */
class RestAuthenticationTest {

  private static final String SECRET = "s3cr3t-rest-0b7e4c21";
  private static final String CREATION = "{\"processDefinitionId\":\"p\"}";

  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private final EngineState state = new EngineState((task, delayMillis) -> () -> {}, clock::get);
  private final AccessTokens tokens = new AccessTokens(Duration.ofSeconds(60), clock::get);
  private EmbeddedChannel channel;

  private record Answer(int status, String contentType, JsonNode body, String wwwAuthenticate) {}

  @AfterEach
  void close() {
    if (channel != null) {
      channel.finishAndReleaseAll();
    }
    state.close();
  }

  private void guardedBy(EngineCredentials credentials) {
    RestGuard guard = RestAuthentication.of(credentials, tokens);
    channel =
        new EmbeddedChannel(new RestHandler(state, mapper, "127.0.0.1", () -> 26500, ApiVersion.latest(), List.of(guard)));
  }

  private Answer post(String uri, String authorization) throws IOException {
    byte[] bytes = CREATION.getBytes(StandardCharsets.UTF_8);
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri, Unpooled.wrappedBuffer(bytes));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    request.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    if (authorization != null) {
      request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
    }
    channel.writeInbound(request);
    FullHttpResponse response = channel.readOutbound();
    try {
      byte[] content = new byte[response.content().readableBytes()];
      response.content().readBytes(content);
      return new Answer(
          response.status().code(),
          response.headers().get(HttpHeaderNames.CONTENT_TYPE),
          content.length == 0 ? null : mapper.readTree(content),
          response.headers().get(HttpHeaderNames.WWW_AUTHENTICATE));
    } finally {
      response.release();
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> oauthRefusals() {
    return Stream.of(
        Arguments.of("no header", null, "Full authentication is required to access this resource"),
        Arguments.of("another scheme", basic("bench", SECRET), "Full authentication is required to access this resource"),
        Arguments.of("a malformed bearer header", "Bearer two words", "Bearer token is malformed"),
        Arguments.of("an empty bearer header", "Bearer ", "Bearer token is malformed"),
        Arguments.of(
            "a token not issued here", "Bearer bm90LWlzc3VlZA", "An error occurred while attempting to decode the Jwt: Malformed token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oauthRefusals")
  void shouldRefuseWithCamundasProblemAndChangeNothingWhenTheBearerTokenIsWrong(
      String what, String authorization, String detail) throws IOException {
    // given
    guardedBy(EngineCredentials.oauth("bench", SECRET));
    EngineCounters before = state.counters();

    // when
    Answer answer = post("/v2/process-instances", authorization);

    // then
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().toString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail
                + "\",\"instance\":\"/v2/process-instances\"}");
    assertThat(answer.wwwAuthenticate()).as("Camunda's failure handler resets the headers").isNull();
    assertThat(state.counters()).isEqualTo(before);
  }

  @Test
  void shouldRefuseWithTheExpiryWhenTheTokenHasExpired() throws IOException {
    // given
    guardedBy(EngineCredentials.oauth("bench", SECRET));
    String token = tokens.issue().token();
    clock.addAndGet(60_500);

    // when
    Answer answer = post("/v2/jobs/activation", "Bearer " + token);

    // then
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText())
        .isEqualTo("An error occurred while attempting to decode the Jwt: Jwt expired at 2023-11-14T22:14:20Z");
    assertThat(answer.body().toString()).doesNotContain(token);
  }

  @Test
  void shouldDispatchTheRequestWhenTheTokenIsValid() throws IOException {
    // given
    guardedBy(EngineCredentials.oauth("bench", SECRET));

    // when: past the guard, the engine answers (no process deployed)
    Answer answer = post("/v2/process-instances", "Bearer " + tokens.issue().token());

    // then
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("title").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void shouldRefuseEveryRouteAndUnservedPathsWhenNoCredentialsAreSent() throws IOException {
    // given: Camunda protects all of /v2, served or not
    guardedBy(EngineCredentials.oauth("bench", SECRET));

    // when
    Answer unserved = post("/v2/user-tasks/search", null);
    Answer topology = post("/v2/topology", null);

    // then
    assertThat(unserved.status()).isEqualTo(401);
    assertThat(topology.status()).isEqualTo(401);
  }

  static Stream<Arguments> basicRefusals() {
    return Stream.of(
        Arguments.of("no header", null, "Full authentication is required to access this resource"),
        Arguments.of("another scheme", "Bearer abc", "Full authentication is required to access this resource"),
        Arguments.of("an empty basic header", "Basic", "Empty basic authentication token"),
        Arguments.of("a value that is not base64", "Basic ***", "Failed to decode basic authentication token"),
        Arguments.of(
            "a value without a colon",
            "Basic " + Base64.getEncoder().encodeToString("demo".getBytes(StandardCharsets.UTF_8)),
            "Invalid basic authentication token"),
        Arguments.of("a wrong password", basic("demo", SECRET + "-wrong"), "Bad credentials"),
        Arguments.of("an unknown user", basic("nobody", SECRET), "Bad credentials"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("basicRefusals")
  void shouldRefuseWithCamundasProblemAndChangeNothingWhenTheBasicCredentialsAreWrong(
      String what, String authorization, String detail) throws IOException {
    // given
    guardedBy(EngineCredentials.basic("demo", SECRET));
    EngineCounters before = state.counters();

    // when
    Answer answer = post("/v2/process-instances", authorization);

    // then
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("title").asText()).isEqualTo("Unauthorized");
    assertThat(answer.body().get("detail").asText()).isEqualTo(detail);
    assertThat(answer.body().toString()).doesNotContain(SECRET);
    assertThat(state.counters()).isEqualTo(before);
  }

  @Test
  void shouldDispatchTheRequestWhenTheBasicCredentialsAreRight() throws IOException {
    // given
    guardedBy(EngineCredentials.basic("demo", SECRET));

    // when
    Answer answer = post("/v2/process-instances", basic("demo", SECRET));

    // then
    assertThat(answer.status()).isEqualTo(404);
  }
}
