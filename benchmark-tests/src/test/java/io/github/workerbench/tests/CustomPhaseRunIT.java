package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the generic factory of {@link PhaseScenariosIT} on the embedded engine through the JUnit
 * Platform Launcher, with a scenario file of one passing and one impossible scenario, and reads
 * back the test outcomes, the Allure results and the results file.
 */
class CustomPhaseRunIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static final Map<String, TestExecutionResult> OUTCOMES = new ConcurrentHashMap<>();
  private static Path allureResults;
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
    allureResults = dir.resolve("allure-results");
    resultsFile = dir.resolve("benchmark-results.json");
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(allureResults));
    AllureLifecycle previous = Allure.getLifecycle();
    // The factory's Allure calls go to the current lifecycle; point it at this run's folder.
    Allure.setLifecycle(lifecycle);
    try {
      LauncherFactory.create(
              LauncherConfig.builder()
                  .enableTestExecutionListenerAutoRegistration(false)
                  .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                  .build())
          .execute(
              request()
                  .selectors(selectClass(PhaseScenariosIT.class))
                  .filters(TagFilter.includeTags(PhaseTags.CUSTOM))
                  .configurationParameter(BenchmarkProperties.SCENARIOS, scenarios.toString())
                  .configurationParameter(BenchmarkProperties.ENGINE, "embedded")
                  .configurationParameter(BenchmarkProperties.DURATION_SCALE, "1")
                  .configurationParameter(BenchmarkProperties.RESULTS_FILE, resultsFile.toString())
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                  if (test.isTest()) {
                    OUTCOMES.put(test.getDisplayName(), result);
                  }
                }
              });
    } finally {
      Allure.setLifecycle(previous);
    }
  }

  @Test
  void shouldFailTheTestWithTheScenariosReasonWhenItsTimeoutIsImpossible() {
    // given the run above
    // when
    TestExecutionResult impossible = OUTCOMES.get("custom_impossible");

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
    TestExecutionResult ok = OUTCOMES.get("custom_ok");

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
    JsonNode result = allureResult("custom_ok");

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
    JsonNode result = allureResult("custom_ok");
    JsonNode written = JSON.readTree(resultsFile.toFile()).path("results").get(0);

    // when
    Map<String, Path> attachments = attachments(result);

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
    JsonNode result = allureResult("custom_impossible");

    // when
    Map<String, Path> attachments = attachments(result);

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

  private static JsonNode allureResult(String name) throws IOException {
    try (Stream<Path> files = Files.list(allureResults)) {
      List<Path> matches =
          files
              .filter(f -> f.getFileName().toString().endsWith("-result.json"))
              .filter(f -> read(f).path("name").asText().equals(name))
              .toList();
      assertThat(matches).as("Allure results of %s", name).hasSize(1);
      return read(matches.get(0));
    }
  }

  private static Map<String, Path> attachments(JsonNode result) {
    Map<String, Path> attachments = new HashMap<>();
    result
        .path("attachments")
        .forEach(
            a -> attachments.put(a.path("name").asText(), allureResults.resolve(a.path("source").asText())));
    return attachments;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
