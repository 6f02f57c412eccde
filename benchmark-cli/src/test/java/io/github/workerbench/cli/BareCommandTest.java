package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench bare}: rows for good input, exit 2 and one line for bad input. */
class BareCommandTest {

  private static final String SCENARIOS =
      """
      [{"name": "sleep_virtual", "num_instances": 8, "strategy": "virtual",
        "workload_type": "sleep", "work_duration": 0.02, "max_concurrent_jobs": 4, "repeats": 3,
        "timeout": 30, "job_timeout_ms": 30000, "description": "d", "phase": "p",
        "transport": "grpc-stream", "max_jobs_active": 2},
       {"name": "sleep_thread", "num_instances": 8, "strategy": "thread",
        "workload_type": "sleep", "work_duration": 0.02, "max_concurrent_jobs": 4, "repeats": 3,
        "timeout": 30, "job_timeout_ms": 30000, "description": "d", "phase": "p"}]
      """;

  @TempDir Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int bench(String... args) {
    CommandLine commandLine = BenchCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  private Path scenarios(String json) throws IOException {
    return Files.writeString(folder.resolve("scenarios.json"), json);
  }

  private List<String> rows() {
    return out.toString()
        .lines()
        .filter(line -> line.startsWith("sleep_") || line.startsWith("bare "))
        .toList();
  }

  @Test
  void shouldPrintOneRowAndWriteItWhenGivenTestOptions() throws IOException {
    // given
    Path output = folder.resolve("out/bare.json");

    // when
    int exitCode =
        bench(
            "bare",
            "--process-instances=8",
            "--worker-strategy=virtual",
            "--workload-type=sleep",
            "--work-duration-seconds=0.02",
            "--max-concurrent-jobs=4",
            "--repeat-runs=2",
            "--output=" + output);

    // then
    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Eff", "EffMin", "EffMax", "CPU(s)");
    assertThat(rows())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.split("\\s+"))
                    .startsWith("bare", "virtual", "sleep", "8", "4", "0.020", "0.040")
                    .endsWith("success"));
    // the standard results format, its engine "bare"
    JsonNode saved = new ObjectMapper().readTree(output.toFile());
    assertThat(saved.get("tool").asText()).isEqualTo("worker-bench");
    assertThat(saved.get("engine").asText()).isEqualTo("bare");
    assertThat(saved.get("scenarios_file").asText()).isEqualTo("bench bare");
    JsonNode result = saved.get("results").get(0);
    assertThat(result.get("name").asText()).isEqualTo("bare");
    assertThat(result.get("status").asText()).isEqualTo("success");
    assertThat(result.get("repeats").asInt()).isEqualTo(2);
    assertThat(result.get("repeat_results")).hasSize(2);
    assertThat(result.get("ideal_time").asDouble()).isEqualTo(0.04);
    assertThat(result.get("efficiency_avg").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1.05);
    assertThat(result.get("efficiency_min").asDouble())
        .isLessThanOrEqualTo(result.get("efficiency_max").asDouble());
    assertThat(result.get("warnings")).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldWriteAFileThatReportAndTheBaselineGateReadWhenOutputIsGiven() throws IOException {
    // given
    Path file = scenarios(SCENARIOS);
    Path output = folder.resolve("bare.json");
    assertThat(bench("bare", file.toString(), "--repeats", "1", "--output=" + output))
        .as(err.toString())
        .isZero();
    out.getBuffer().setLength(0);

    // when
    int exitCode = bench("report", output.toString(), "--baseline", output.toString());

    // then
    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).contains("sleep_virtual", "sleep_thread", "2 succeeded");
    assertThat(new ObjectMapper().readTree(output.toFile()).get("results"))
        .extracting(node -> node.get("transport").asText())
        .containsExactly("grpc-stream", "rest");
  }

  @Test
  void shouldMeasureOnlyTheNamedScenarioWhenScenarioIsGiven() throws IOException {
    // given
    Path file = scenarios(SCENARIOS);

    // when
    int exitCode = bench("bare", file.toString(), "--scenario", "sleep_thread", "--repeats", "1");

    // then
    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(rows()).singleElement().asString().startsWith("sleep_thread ").contains(" thread ");
  }

  @Test
  void shouldExitTwoNamingTheFileWhenTheScenarioFileIsBad() throws IOException {
    // given
    Path file =
        scenarios(
            SCENARIOS.replaceFirst("\"max_concurrent_jobs\": 4,", "\"max_concurrent_jobs\": -1,"));

    // when
    int exitCode = bench("bare", file.toString());

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .startsWith("bench bare: ")
        .contains(file.toString(), "'sleep_virtual'", "max_concurrent_jobs");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoWhenScenarioNamesNoScenarioOfTheFile() throws IOException {
    // given
    Path file = scenarios(SCENARIOS);

    // when
    int exitCode = bench("bare", file.toString(), "--scenario", "sleep_process");

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains("'sleep_process'", file.toString(), "sleep_virtual, sleep_thread");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoWhenAFileAndScenarioOptionsAreBothGiven() throws IOException {
    // given
    Path file = scenarios(SCENARIOS);

    // when
    int exitCode = bench("bare", file.toString(), "--workload-type=cpu");

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("not both");
  }

  @Test
  void shouldExitTwoWhenAnOptionIsBad() {
    // when
    int exitCode = bench("bare", "--worker-strategy=fork");

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("unknown strategy 'fork'");
  }
}
