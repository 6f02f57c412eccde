package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs the generic factory of {@link PhaseScenariosIT} on the embedded engine through the JUnit
 * Platform Launcher, with a scenario file of one passing and one impossible scenario, and reads
 * back the test outcomes, the Allure results and the results file.
 */
class CustomPhaseRunIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static CustomPhaseLaunch launch;
  private static Path resultsFile;

  @BeforeAll
  static void runTheCustomFactory() throws IOException {
    // The impossible scenario sleeps: cpu work would depend on a calibration that a loaded
    // machine can measure many times too low (before the JIT compiled its kernel).
    Path scenarios = dir.resolve("scenarios.json");
    Files.writeString(
        scenarios,
        "["
            + ScenarioSelectionTest.scenario("custom_ok", "custom")
            + ","
            + """
            {"name": "custom_impossible", "num_instances": 2, "strategy": "async",
             "workload_type": "sleep", "work_duration": 2, "max_concurrent_jobs": 2,
             "repeats": 1, "timeout": 0.5, "job_timeout_ms": 30000,
             "description": "cannot finish in time", "phase": "custom"}"""
            + "]");
    resultsFile = dir.resolve("benchmark-results.json");
    launch =
        CustomPhaseLaunch.run(dir, scenarios, resultsFile, Map.of(BenchmarkProperties.ENGINE, "embedded"));
  }

  @Test
  void shouldFailTheTestWithTheScenariosReasonWhenItsTimeoutIsImpossible() {
    // given the run above
    // when
    TestExecutionResult impossible = launch.outcome("custom_impossible");

    // then
    assertThat(impossible.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(impossible.getThrowable())
        .get()
        .isInstanceOf(AssertionError.class)
        .extracting(Throwable::getMessage)
        .isEqualTo("Expected 2 jobs to complete within 0.5 s, but 0 did");
  }

  @Test
  void shouldPassTheTestWhenEveryJobCompletes() {
    // given the run above
    // when
    TestExecutionResult ok = launch.outcome("custom_ok");

    // then
    assertThat(ok.getStatus())
        .as("custom_ok: %s", ok.getThrowable())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void shouldWriteBothResultsToTheResultsFileWhenTheFactoryRan() throws IOException {
    // given the run above
    // when
    JsonNode file = JSON.readTree(resultsFile.toFile());

    // then
    assertThat(file.path("tool").asText()).isEqualTo("worker-bench");
    assertThat(file.path("scenarios_file").asText()).isEqualTo(dir.resolve("scenarios.json").toString());
    assertThat(file.path("failed_scenarios").toString()).isEqualTo("[\"custom_impossible\"]");
    assertThat(file.path("results").findValuesAsText("name"))
        .containsExactly("custom_ok", "custom_impossible");
  }

  @Test
  void shouldLabelTheTestByPhaseStrategyAndWorkloadWhenReportedToAllure() throws IOException {
    // given
    JsonNode result = launch.allureResult("custom_ok");

    // when
    Map<String, String> labels = new HashMap<>();
    result.path("labels").forEach(l -> labels.put(l.path("name").asText(), l.path("value").asText()));
    Map<String, String> parameters = new HashMap<>();
    result
        .path("parameters")
        .forEach(p -> parameters.put(p.path("name").asText(), p.path("value").asText()));

    // then
    assertThat(labels)
        .containsEntry("epic", "custom")
        .containsEntry("feature", "thread")
        .containsEntry("story", "cpu")
        .containsEntry("tag", "custom");
    assertThat(parameters)
        .containsEntry("name", "custom_ok")
        .containsEntry("num_instances", "2")
        .containsEntry("strategy", "thread")
        .containsEntry("workload_type", "cpu")
        .containsEntry("work_duration", "0.05")
        .containsEntry("max_concurrent_jobs", "2")
        .containsEntry("repeats", "1")
        .containsEntry("timeout", "30")
        .containsEntry("job_timeout_ms", "30000")
        .containsEntry("phase", "custom")
        .containsEntry("transport", "rest")
        .containsKeys("description", "acquisition", "max_jobs_active", "jitter_pct",
            "failure_rate", "duration_scale");
  }

  @Test
  void shouldAttachTheResultsObjectAndAnSvgChartWhenTheScenarioRan() throws Exception {
    // given
    JsonNode result = launch.allureResult("custom_ok");
    JsonNode written = JSON.readTree(resultsFile.toFile()).path("results").get(0);

    // when
    Map<String, Path> attachments = launch.attachments(result);

    // then
    assertThat(attachments).containsOnlyKeys("metrics.json", "latency.svg", "diagnosis.txt");
    assertThat(JSON.readTree(attachments.get("metrics.json").toFile())).isEqualTo(written);
    assertThat(Files.readString(attachments.get("diagnosis.txt")))
        .startsWith("why: " + written.path("diagnosis").path("cause").asText() + "\n")
        .contains("slot time: working ")
        .contains("harness_bound: " + written.path("harness_bound").asBoolean());
    var svg =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(attachments.get("latency.svg").toFile());
    assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
    assertThat(svg.getElementsByTagName("rect").getLength())
        .as("8 bars (p50, p95, p99, max of latency and start delay) and 2 legend keys")
        .isEqualTo(10);
  }

  @Test
  void shouldAttachTheLogTailWhenTheScenarioFailed() throws IOException {
    // given
    JsonNode result = launch.allureResult("custom_impossible");

    // when
    Map<String, Path> attachments = launch.attachments(result);

    // then
    assertThat(result.path("status").asText()).isEqualTo("failed");
    assertThat(result.path("statusDetails").path("message").asText())
        .isEqualTo("Expected 2 jobs to complete within 0.5 s, but 0 did");
    assertThat(attachments).containsKeys("metrics.json", "latency.svg", "worker log (tail)");
    List<String> lines = Files.readAllLines(attachments.get("worker log (tail)"));
    assertThat(lines)
        .hasSizeLessThanOrEqualTo(ScenarioTestRun.LOG_TAIL_LINES * 20)
        .anySatisfy(line -> assertThat(line).contains("custom_impossible"));
  }
}
