package io.github.workerbench.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token endpoint over HTTP: tokens as Keycloak issues them, a new one each time, and
 * Keycloak's answers to a request it refuses, none of which repeats the secret.
 */
class TokenEndpointIT {

  private static final String SECRET = "s3cr3t-token-9a3f11d2";

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AccessTokens tokens = new AccessTokens(Duration.ofSeconds(300), System::currentTimeMillis);
  private TokenEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = TokenEndpoint.start("127.0.0.1", 0, EngineCredentials.oauth("bench", SECRET), tokens);
  }

  @AfterEach
  void stop() {
    endpoint.close();
    http.close();
  }

  private HttpResponse<String> post(String form) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(endpoint.url()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldIssueANewBearerTokenWhenTheClientCredentialsAreRight() throws Exception {
    // when
    HttpResponse<String> first =
        post("grant_type=client_credentials&client_id=bench&client_secret=" + SECRET + "&audience=zeebe-api");
    HttpResponse<String> second = post("client_id=bench&client_secret=" + SECRET + "&grant_type=client_credentials");

    // then
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(first.headers().firstValue("Pragma")).hasValue("no-cache");
    JsonNode body = mapper.readTree(first.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(300);
    assertThat(body.get("refresh_expires_in").asLong()).isZero();
    assertThat(tokens.check(body.get("access_token").asText()).status()).isEqualTo(AccessTokens.Status.VALID);
    assertThat(mapper.readTree(second.body()).get("access_token").asText()).isNotEqualTo(body.get("access_token").asText());
    assertThat(first.body()).doesNotContain(SECRET);
  }

  @Test
  void shouldIssueATokenWhenTheClientAuthenticatesWithHttpBasic() throws Exception {
    // when
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(endpoint.url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("bench:" + SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

    // then
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("client_id=bench&client_secret=" + SECRET, 400, "invalid_request", "Missing form parameter: grant_type"),
        Arguments.of(
            "grant_type=password&username=u&password=p&client_id=bench&client_secret=" + SECRET,
            400,
            "unsupported_grant_type",
            "Unsupported grant_type"),
        Arguments.of("grant_type=client_credentials", 400, "invalid_client", "Missing client_id parameter"),
        Arguments.of(
            "grant_type=client_credentials&client_id=nobody&client_secret=" + SECRET,
            401,
            "invalid_client",
            "Invalid client or Invalid client credentials"),
        Arguments.of(
            "grant_type=client_credentials&client_id=bench&client_secret=" + SECRET + "-wrong",
            401,
            "unauthorized_client",
            "Invalid client or Invalid client credentials"),
        Arguments.of(
            "grant_type=client_credentials&client_id=bench",
            401,
            "unauthorized_client",
            "Invalid client or Invalid client credentials"),
        Arguments.of(
            "grant_type=client_credentials&client_id=bench&client_secret=" + SECRET + "&scope=a&scope=b",
            400,
            "invalid_request",
            "duplicated parameter"),
        Arguments.of("grant_type=client_credentials&client_id=bench&client_secret=%zz" + SECRET, 400, "invalid_request",
            "Expected a well-formed application/x-www-form-urlencoded body"));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("refusals")
  void shouldAnswerAsKeycloakAndIssueNothingWhenTheRequestIsRefused(String form, int status, String error, String description)
      throws Exception {
    // when
    HttpResponse<String> answer = post(form);

    // then
    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode body = mapper.readTree(answer.body());
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("error_description").asText()).isEqualTo(description);
    assertThat(answer.body()).doesNotContain(SECRET);
    assertThat(tokens.issuedCount()).isZero();
  }

  @Test
  void shouldRefuseWhenTheMethodOrTheBodyTypeIsNotTheEndpoints() throws Exception {
    // when
    HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(endpoint.url())).GET());
    HttpResponse<String> json =
        send(
            HttpRequest.newBuilder(URI.create(endpoint.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")));
    HttpResponse<String> elsewhere =
        send(HttpRequest.newBuilder(URI.create(endpoint.url().replace("/oauth/token", "/token"))).GET());

    // then
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(tokens.issuedCount()).isZero();
  }
}
