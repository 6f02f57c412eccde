package io.github.workerbench.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioReaderTest {

  private static final String VALID =
      """
      {
        "name": "load_async_10",
        "num_instances": 10,
        "strategy": "async",
        "workload_type": "cpu",
        "work_duration": 1.0,
        "max_concurrent_jobs": 20,
        "repeats": 3,
        "timeout": 120,
        "job_timeout_ms": 30000,
        "description": "Load scaling",
        "phase": "4_load_scaling"
      }\
      """;

  @TempDir Path folder;

  @Test
  void shouldReadEveryFieldWhenFileIsTheGuidesFormat() {
    // given
    String json =
        "["
            + VALID.replace(
                "\"phase\": \"4_load_scaling\"",
                "\"phase\": \"4_load_scaling\", \"acquisition\": \"direct\", \"max_jobs_active\":"
                    + " 40, \"jitter_pct\": 0.25, \"transport\": \"grpc-stream\", \"failure_rate\":"
                    + " 0.1")
            + "]";

    // when
    List<Scenario> scenarios = ScenarioReader.parse(json, "scenarios.json");

    // then
    assertThat(scenarios)
        .containsExactly(
            Scenario.builder()
                .name("load_async_10")
                .numInstances(10)
                .strategy(StrategyKind.ASYNC)
                .workloadType(WorkloadKind.CPU)
                .workDuration(1.0)
                .maxConcurrentJobs(20)
                .repeats(3)
                .timeout(120)
                .jobTimeoutMs(30_000)
                .description("Load scaling")
                .phase("4_load_scaling")
                .acquisition(AcquisitionKind.DIRECT)
                .maxJobsActive(40)
                .jitterPct(0.25)
                .transport(TransportKind.GRPC_STREAM)
                .failureRate(0.1)
                .build());
  }

  @Test
  void shouldLeaveOptionalFieldsUnsetWhenAbsentOrNull() {
    // given
    String json =
        "["
            + VALID.replace(
                "\"phase\": \"4_load_scaling\"",
                "\"phase\": \"4_load_scaling\", \"transport\": null")
            + "]";

    // when
    Scenario scenario = ScenarioReader.parse(json, "s.json").get(0);

    // then
    assertThat(scenario.transport()).isNull();
    assertThat(scenario.acquisition()).isNull();
    assertThat(scenario.maxJobsActive()).isNull();
  }

  static Stream<Arguments> badScenarios() {
    return Stream.of(
        Arguments.of(
            "max_concurrent_jobs",
            "-1",
            "scenarios.json: scenario 'load_async_10': max_concurrent_jobs must be greater than"
                + " 0, but was -1"),
        Arguments.of(
            "num_instances",
            "0",
            "scenarios.json: scenario 'load_async_10': num_instances must be greater than 0,"
                + " but was 0"),
        Arguments.of(
            "repeats",
            "0",
            "scenarios.json: scenario 'load_async_10': repeats must be greater than 0, but was 0"),
        Arguments.of(
            "job_timeout_ms",
            "-5",
            "scenarios.json: scenario 'load_async_10': job_timeout_ms must be greater than 0,"
                + " but was -5"),
        Arguments.of(
            "timeout",
            "0",
            "scenarios.json: scenario 'load_async_10': timeout must be greater than 0 (seconds),"
                + " but was 0"),
        Arguments.of(
            "work_duration",
            "-0.5",
            "scenarios.json: scenario 'load_async_10': work_duration must be greater than 0"
                + " (seconds), but was -0.5"),
        Arguments.of(
            "num_instances",
            "\"10\"",
            "scenarios.json: scenario 'load_async_10': num_instances must be a whole number,"
                + " but was the string \"10\""),
        Arguments.of(
            "repeats",
            "2.5",
            "scenarios.json: scenario 'load_async_10': repeats must be a whole number, but was"
                + " 2.5"),
        Arguments.of(
            "work_duration",
            "true",
            "scenarios.json: scenario 'load_async_10': work_duration must be a number, but was"
                + " the boolean true"),
        Arguments.of(
            "strategy",
            "\"fork\"",
            "scenarios.json: scenario 'load_async_10': strategy: unknown strategy 'fork',"
                + " expected one of async, thread, virtual, process, auto"),
        Arguments.of(
            "workload_type",
            "\"gpu\"",
            "scenarios.json: scenario 'load_async_10': workload_type: unknown workload 'gpu',"
                + " expected one of cpu, io, subprocess, subprocess_threaded, sleep"),
        Arguments.of(
            "transport",
            "\"carrier-pigeon\"",
            "scenarios.json: scenario 'load_async_10': transport: unknown transport"
                + " 'carrier-pigeon', expected one of rest, grpc-poll, grpc-stream"),
        Arguments.of(
            "acquisition",
            "\"magic\"",
            "scenarios.json: scenario 'load_async_10': acquisition: unknown acquisition 'magic',"
                + " expected one of job-worker, direct"),
        Arguments.of(
            "jitter_pct",
            "1.5",
            "scenarios.json: scenario 'load_async_10': jitter_pct must be between 0 and 1, but"
                + " was 1.5"),
        Arguments.of(
            "failure_rate",
            "-0.1",
            "scenarios.json: scenario 'load_async_10': failure_rate must be between 0 and 1, but"
                + " was -0.1"),
        Arguments.of(
            "max_jobs_active",
            "0",
            "scenarios.json: scenario 'load_async_10': max_jobs_active must be greater than 0,"
                + " but was 0"),
        Arguments.of(
            "phase", "\"\"", "scenarios.json: scenario 'load_async_10': phase must not be empty"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badScenarios")
  void shouldNameFileScenarioAndFieldWhenValueIsBad(String field, String value, String message) {
    // given
    String json = "[" + withField(field, value) + "]";

    // when
    ScenarioFileException error =
        catchThrowableOfType(
            ScenarioFileException.class, () -> ScenarioReader.parse(json, "scenarios.json"));

    // then
    assertThat(error).hasMessage(message);
    assertThat(error.field()).isEqualTo(field);
    assertThat(error.scenario()).isEqualTo("'load_async_10'");
  }

  @Test
  void shouldNameTheIndexWhenNameIsMissing() {
    // given
    String json = "[" + VALID + "," + VALID.replace("\"name\": \"load_async_10\",", "") + "]";

    // when / then
    assertThatThrownBy(() -> ScenarioReader.parse(json, "s.json"))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage("s.json: scenario #2: name is missing (a required field)");
  }

  @Test
  void shouldNameTheFieldWhenFieldIsUnknown() {
    // given
    String json = "[" + withField("num_instance", "5") + "]";

    // when / then
    assertThatThrownBy(() -> ScenarioReader.parse(json, "s.json"))
        .hasMessageStartingWith(
            "s.json: scenario 'load_async_10': unknown field 'num_instance';"
                + " allowed: name, num_instances,");
  }

  @Test
  void shouldNameBothWhenNamesAreDuplicated() {
    // given
    String json = "[" + VALID + "," + VALID + "]";

    // when / then
    assertThatThrownBy(() -> ScenarioReader.parse(json, "s.json"))
        .hasMessage(
            "s.json: scenario 'load_async_10' (#2): name is a duplicate of scenario #1;"
                + " names must be unique");
  }

  @Test
  void shouldGiveLineAndColumnWhenJsonIsMalformed() {
    // given
    String json = "[\n  {\"name\": \"a\",,}\n]";

    // when / then
    assertThatThrownBy(() -> ScenarioReader.parse(json, "s.json"))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageStartingWith("s.json: malformed JSON at line 2, column ");
  }

  @Test
  void shouldSayListExpectedWhenFileHoldsAnObject() {
    assertThatThrownBy(() -> ScenarioReader.parse(VALID, "s.json"))
        .hasMessage(
            "s.json: expected a JSON list of scenarios ([{...}, ...]), but found an object");
  }

  @Test
  void shouldSayEmptyWhenFileIsEmpty() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("empty.json"), "  \n");

    // when / then
    assertThatThrownBy(() -> ScenarioReader.read(file))
        .hasMessage(file + ": the file is empty; expected a JSON list of scenarios");
  }

  @Test
  void shouldSayNotFoundWhenFileIsMissing() {
    // given
    Path file = folder.resolve("nope.json");

    // when / then
    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage(file + ": file not found");
  }

  @Test
  void shouldSayEmptyListWhenListHoldsNothing() {
    assertThatThrownBy(() -> ScenarioReader.parse("[]", "s.json"))
        .hasMessage("s.json: the list holds no scenarios");
  }

  @Test
  void shouldRejectTrailingGarbageWhenListIsFollowedByText() {
    assertThatThrownBy(() -> ScenarioReader.parse("[" + VALID + "] x", "s.json"))
        .hasMessageStartingWith("s.json: malformed JSON at line");
  }

  @Test
  void shouldReadBackEqualScenariosWhenWrittenAsJson() {
    // given
    List<Scenario> scenarios =
        ScenarioReader.parse(
            "["
                + VALID
                + ","
                + VALID
                    .replace("load_async_10", "b")
                    .replace("\"timeout\": 120", "\"timeout\": 12.5")
                    .replace(
                        "\"phase\": \"4_load_scaling\"",
                        "\"phase\": \"x\", \"failure_rate\": 0.0, \"jitter_pct\": 1")
                + "]",
            "s.json");

    // when
    String json = ScenarioWriter.toJson(scenarios);

    // then
    assertThat(ScenarioReader.parse(json, "again.json")).isEqualTo(scenarios);
    assertThat(json).contains("\"timeout\": 120,", "\"timeout\": 12.5,", "\"failure_rate\": 0.0");
  }

  @Test
  void shouldQuoteCellsWhenCsvTextHoldsCommasOrQuotes() {
    // given
    Scenario scenario =
        ScenarioReader.parse("[" + withField("description", "\"a, \\\"b\\\"\"") + "]", "s.json")
            .get(0);

    // when
    String csv = ScenarioWriter.toCsv(List.of(scenario));

    // then
    assertThat(csv.lines().toList().get(1))
        .isEqualTo(
            "load_async_10,10,async,cpu,1.0,20,3,120,30000,\"a, \"\"b\"\"\",4_load_scaling,,,,,");
  }

  private static String withField(String field, String value) {
    if (VALID.contains("\"" + field + "\":")) {
      return VALID.replaceFirst(
          "\"" + field + "\": [^,\\n]*",
          "\"" + field + "\": " + value.replace("\\", "\\\\").replace("$", "\\$"));
    }
    return VALID.replace(
        "\"phase\": \"4_load_scaling\"",
        "\"phase\": \"4_load_scaling\", \"" + field + "\": " + value);
  }
}
