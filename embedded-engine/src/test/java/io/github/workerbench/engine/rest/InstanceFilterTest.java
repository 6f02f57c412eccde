package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.state.CommandRejectedException;
import io.github.workerbench.engine.state.InstanceState;
import io.github.workerbench.engine.state.ProcessInstanceView;
import io.github.workerbench.engine.state.RejectionType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The process-instance search filter: which instances a filter body matches, and what it refuses. */
class InstanceFilterTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private static ProcessInstanceView instance(long key, InstanceState state, boolean incident) {
    return new ProcessInstanceView(key, 77, "p", 2, state, incident, Instant.EPOCH, null, Map.of());
  }

  private InstanceFilter filter(String json) throws Exception {
    return InstanceFilter.of(mapper.readTree(json));
  }

  @Test
  void shouldMatchOnlyKeysInBothWhenEqAndInAreGiven() throws Exception {
    // when
    InstanceFilter filter = filter("{\"processInstanceKey\":{\"$eq\":\"2\",\"$in\":[\"1\",\"2\"]}}");

    // then
    assertThat(filter.onlyKey()).isEqualTo(2L);
    assertThat(filter.matches(instance(2, InstanceState.ACTIVE, false))).isTrue();
    assertThat(filter.matches(instance(1, InstanceState.ACTIVE, false))).isFalse();
  }

  @Test
  void shouldMatchNothingWhenEqIsNotAmongIn() throws Exception {
    // when
    InstanceFilter filter = filter("{\"processInstanceKey\":{\"$eq\":\"3\",\"$in\":[\"1\",\"2\"]}}");

    // then
    assertThat(filter.onlyKey()).isNull();
    assertThat(filter.matches(instance(3, InstanceState.ACTIVE, false))).isFalse();
    assertThat(filter.matches(instance(1, InstanceState.ACTIVE, false))).isFalse();
  }

  @Test
  void shouldNarrowToOneStateAndApplyTheOtherFieldsWhenAllAreGiven() throws Exception {
    // when
    InstanceFilter filter =
        filter(
            """
            {"state":"COMPLETED","processDefinitionId":{"$eq":"p"},"processDefinitionKey":"77",
             "processDefinitionVersion":2,"hasIncident":true,"tenantId":{"$like":"x*"}}""");

    // then
    assertThat(filter.onlyState()).isEqualTo(InstanceState.COMPLETED);
    assertThat(filter.matches(instance(1, InstanceState.COMPLETED, true))).isTrue();
    assertThat(filter.matches(instance(1, InstanceState.COMPLETED, false))).isFalse();
    assertThat(filter.matches(instance(1, InstanceState.ACTIVE, true))).isFalse();
  }

  @Test
  void shouldMatchEverythingWhenFilterIsMissing() throws Exception {
    // when
    InstanceFilter filter = InstanceFilter.of(mapper.readTree("{}").path("filter"));

    // then
    assertThat(filter.onlyKey()).isNull();
    assertThat(filter.onlyState()).isNull();
    assertThat(filter.matches(instance(9, InstanceState.TERMINATED, true))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"processInstanceKey\":{\"$gt\":\"1\"}}",
        "{\"state\":{\"$neq\":\"ACTIVE\"}}",
        "{\"state\":\"RUNNING\"}",
        "{\"processInstanceKey\":\"one\"}"
      })
  void shouldRefuseWhenFilterCannotBeAnsweredExactly(String json) throws Exception {
    // given
    JsonNode body = mapper.readTree(json);

    // when / then
    assertThatThrownBy(() -> InstanceFilter.of(body))
        .isInstanceOfSatisfying(
            CommandRejectedException.class, e -> assertThat(e.type()).isEqualTo(RejectionType.INVALID_ARGUMENT));
  }
}
