package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.core.engine.EngineKind;
import io.github.workerbench.generator.Suite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkPropertiesTest {

  @Test
  void shouldUseTheDefaultsWhenNothingIsGiven() {
    // given no property (blank counts as absent: Failsafe passes unset ones as "")
    Map<String, String> properties = Map.of(BenchmarkProperties.DURATION_SCALE, " ");

    // when
    BenchmarkProperties read = BenchmarkProperties.from(properties::get);

    // then
    assertThat(read.suite()).isEqualTo(Suite.EXTENDED);
    assertThat(read.engine().kind()).isEqualTo(EngineKind.EMBEDDED);
    assertThat(read.scenariosFile()).isEmpty();
    assertThat(read.durationScale()).isEmpty();
    assertThat(read.durationScaleOr(BenchmarkProperties.SMOKE_DEFAULT_SCALE)).isEqualTo(0.2);
    assertThat(read.resultsFile()).isEqualTo(Path.of("target/benchmark-results.json"));
  }

  @Test
  void shouldReadEveryPropertyWhenAllAreGiven() {
    // given
    Map<String, String> properties =
        Map.of(
            BenchmarkProperties.SUITE, "full",
            BenchmarkProperties.ENGINE, "container",
            BenchmarkProperties.DURATION_SCALE, "0.1",
            BenchmarkProperties.SCENARIOS, "my/scenarios.json",
            BenchmarkProperties.BASE_DIR, "/build/root",
            BenchmarkProperties.RESULTS_FILE, "/tmp/out.json");

    // when
    BenchmarkProperties read = BenchmarkProperties.from(properties::get);

    // then
    assertThat(read.suite()).isEqualTo(Suite.FULL);
    assertThat(read.engine().kind()).isEqualTo(EngineKind.CONTAINER);
    assertThat(read.durationScaleOr(1.0)).isEqualTo(0.1);
    assertThat(read.scenariosFile()).contains(Path.of("/build/root/my/scenarios.json"));
    assertThat(read.resultsFile()).isEqualTo(Path.of("/tmp/out.json"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "benchmark.suite | huge | -Dbenchmark.suite=huge is not valid: expected one of minimal,"
            + " quick, fast, full, extended",
        "benchmark.engine | cloud | -Dbenchmark.engine=cloud is not valid: expected one of"
            + " embedded, container, remote",
        "benchmark.durationScale | fast | -Dbenchmark.durationScale=fast is not valid: expected a"
            + " number greater than 0, e.g. 0.1",
        "benchmark.durationScale | 0 | -Dbenchmark.durationScale=0 is not valid: expected a"
            + " number greater than 0, e.g. 0.1",
        "benchmark.durationScale | -1 | -Dbenchmark.durationScale=-1 is not valid: expected a"
            + " number greater than 0, e.g. 0.1",
        "benchmark.durationScale | Infinity | -Dbenchmark.durationScale=Infinity is not valid:"
            + " expected a number greater than 0, e.g. 0.1"
      })
  void shouldFailNamingThePropertyWhenAValueIsBad(String property, String value, String message) {
    // given
    Map<String, String> properties = Map.of(property, value);

    // when / then
    assertThatThrownBy(() -> BenchmarkProperties.from(properties::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
