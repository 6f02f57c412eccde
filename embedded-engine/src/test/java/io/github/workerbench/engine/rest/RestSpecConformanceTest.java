package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.engine.ApiVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every REST answer with a body, of every route ({@link RestExchanges}), against the response
 * schema of the spec of the API version the engine speaks, as our digest of that spec lists it
 * ({@code spec/rest-api-8.8.digest}, {@code spec/rest-api-8.9.digest}, each naming the spec it was
 * written from): what a client generated from that spec requires holds, and nothing it does not
 * know is sent.
 */
class RestSpecConformanceTest {

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void shouldMatchTheVersionsSchemasWhenEveryRouteAnswers(ApiVersion version) {
    // given
    SpecDigest spec = SpecDigest.of(version);

    // when
    List<RestExchanges.Exchange> answered = RestExchanges.run(version).stream().filter(e -> e.body() != null).toList();

    // then
    assertThat(answered).extracting(RestExchanges.Exchange::schema).contains(
        "TopologyResponse", "DeploymentResult", "CreateProcessInstanceResult", "ProcessInstanceSearchQueryResult",
        "JobActivationResult", "ProblemDetail");
    for (RestExchanges.Exchange exchange : answered) {
      assertThat(spec.violations(exchange.body(), exchange.schema()))
          .as("%s: %s answered as %s", spec, exchange.request(), exchange.schema())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ApiVersion.class, names = "V8_8")
  void shouldSendNoNullWhenTheVersionLeavesNullFieldsOut(ApiVersion version) {
    // when
    List<String> nulls = new ArrayList<>();
    for (RestExchanges.Exchange exchange : RestExchanges.run(version)) {
      if (exchange.body() != null) {
        collectNulls(exchange.body(), exchange.name(), nulls);
      }
    }

    // then: an 8.8 server's models are NON_NULL (a process's own variables are data, not fields)
    assertThat(nulls).isEmpty();
  }

  private static void collectNulls(JsonNode node, String path, List<String> into) {
    if (node.isNull()) {
      into.add(path);
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                if (!f.getKey().equals("variables") && !f.getKey().equals("customHeaders")) {
                  collectNulls(f.getValue(), path + "." + f.getKey(), into);
                }
              });
    } else if (node.isArray()) {
      node.forEach(item -> collectNulls(item, path + "[]", into));
    }
  }
}
