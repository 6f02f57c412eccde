package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReaderTest {

  @TempDir Path dir;

  @Test
  void shouldReadThroughputFromTheAverageWhenTheSeedRunnerWroteIt() {
    // given
    ResultsData data = Fixtures.seed();

    // when
    ReportRow baseline = data.rows().get(0);

    // then
    assertThat(data.rows()).hasSize(13);
    assertThat(baseline.name()).isEqualTo("baseline_async");
    assertThat(baseline.jobsPerSecond()).hasValue(0.95);
    assertThat(baseline.jobsPerSecondCi95()).isEmpty();
    assertThat(baseline.status()).isEqualTo("success");
  }

  @Test
  void shouldDeriveEfficiencyWhenTheFileLacksItButTheRuleHasWhatItNeeds() {
    // given: async cpu, n=10, d=1: ideal 10 s; measured 10.5 s
    ResultsData data = Fixtures.seed();

    // when
    ReportRow async = data.rows().get(0);
    ReportRow thread = data.rows().get(1);

    // then: thread cpu needs the cores the seed does not write
    assertThat(async.efficiency().getAsDouble()).isCloseTo(10 / 10.5, within(1e-12));
    assertThat(thread.efficiency()).isEmpty();
  }

  @Test
  void shouldKeepStrategiesItDoesNotKnowWhenReading() {
    // given
    ResultsData data = Fixtures.seed();

    // when / then
    assertThat(data.strategies()).containsExactly("async", "thread", "auto", "uvloop", "process");
  }

  @Test
  void shouldPreferTheAverageWhenBothThroughputFieldsArePresent() {
    // given
    String json = "{\"results\":[{\"name\":\"x\",\"jobs_per_second\":1,\"jobs_per_second_avg\":2}]}";

    // when
    ReportRow row = ResultsReader.parse(json, "inline").rows().get(0);

    // then
    assertThat(row.jobsPerSecond()).hasValue(2.0);
    assertThat(row.phase()).isEqualTo("unknown");
  }

  @Test
  void shouldReadABareListWhenTheSeedWroteOne() {
    // given
    String json = "[{\"name\":\"x\",\"strategy\":\"async\",\"jobs_per_second_avg\":2}]";

    // when
    ResultsData data = ResultsReader.parse(json, "inline");

    // then
    assertThat(data.rows()).extracting(ReportRow::name).containsExactly("x");
    assertThat(data.header()).isEmpty();
  }

  @Test
  void shouldNameTheFileInOneLineWhenItIsMissing() {
    // given
    Path missing = dir.resolve("nope.json");

    // when / then
    assertRefusedInOneLineNaming(missing);
  }

  /** Reading {@code file} is refused with one line that names it; its message, for more checks. */
  private static AbstractStringAssert<?> assertRefusedInOneLineNaming(Path file) {
    return assertThatThrownBy(() -> ResultsReader.read(file))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(file.toString())
        .message()
        .doesNotContain("\n");
  }

  @Test
  void shouldNameTheFileWhenItIsNotJson() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"results\": [\n oops");

    // when / then
    assertRefusedInOneLineNaming(file).contains("not valid JSON");
  }

  @Test
  void shouldNameTheFileWhenItIsJsonButNoResultsFile() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("scenarios.json"), "{\"name\": \"x\"}");

    // when / then
    assertThatThrownBy(() -> ResultsReader.read(file))
        .isInstanceOf(ReportInputException.class)
        .hasMessage(
            "Expected a results file (an object with a \"results\" list) in " + file
                + ", but found none");
  }

  @Test
  void shouldNameTheResultWhenOneHasNoName() {
    // given
    String json = "{\"results\":[{\"name\":\"a\"},{\"strategy\":\"async\"}]}";

    // when / then
    assertThatThrownBy(() -> ResultsReader.parse(json, "r.json"))
        .isInstanceOf(ReportInputException.class)
        .hasMessage("Expected result 2 in r.json to be an object with a \"name\", but it is not");
  }

  @Test
  void shouldNameTheFileWhenItIsADirectory() {
    // when / then
    assertThatThrownBy(() -> ResultsReader.read(dir))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(dir.toString())
        .message()
        .doesNotContain("\n");
  }
}
