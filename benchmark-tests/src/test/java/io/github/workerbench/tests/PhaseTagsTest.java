package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhaseTagsTest {

  @ParameterizedTest
  @CsvSource({
    "1_baseline, phase1",
    "3_concurrency_scaling, phase3",
    "11_acquisition, phase11",
    "12_cluster_latency, phase12",
    "13_throughput, phase13",
    "14_http_downstream, phase14",
    "7, phase7",
    "03_padded, phase3",
    "smoke_test, smoke",
    "custom, custom",
    "my_sweep, custom",
    "phase3, custom",
    "3x_not_numbered, custom",
    "quick_concurrency, custom"
  })
  void shouldMapThePhaseIdToItsTagWhenGivenAnId(String phaseId, String tag) {
    // given a phase id
    // when
    String mapped = PhaseTags.tagOf(phaseId);
    // then
    assertThat(mapped).isEqualTo(tag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void shouldRejectThePhaseIdWhenBlank(String phaseId) {
    // given a blank id
    // when / then
    assertThatThrownBy(() -> PhaseTags.tagOf(phaseId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase id must not be empty");
  }
}
