package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.core.engine.DockerEnvironment;
import io.github.workerbench.core.engine.EngineImage;
import io.github.workerbench.core.engine.EngineSettings;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A scenario forced to fail on the container engine (our image, a fresh container per
 * scenario), run through the generic factory of {@link PhaseScenariosIT} by the JUnit Platform
 * Launcher: the container's last log lines are attached to its Allure result and its error names
 * the attachment. Skipped, with the reason, where Docker cannot be used.
 */
class ContainerLogAllureIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, TestExecutionResult> OUTCOMES = new ConcurrentHashMap<>();

  @TempDir static Path dir;
  private static Optional<String> unavailable;
  private static Path allureResults;
  private static Path resultsFile;

  @BeforeAll
  static void runAnImpossibleScenarioOnAContainer() throws IOException {
    String image;
    try (DockerEnvironment docker = new DockerEnvironment()) {
      unavailable = docker.unavailableReason().or(EngineImage::unsupportedReason);
      if (unavailable.isPresent()) {
        return;
      }
      image = new EngineImage(docker.client(), EngineImage.locateEngineJar(), line -> {}).ensureBuilt();
    }
    Path scenarios = dir.resolve("scenarios.json");
    Files.writeString(
        scenarios,
        """
        [{"name": "container_impossible", "num_instances": 2, "strategy": "async",
          "workload_type": "cpu", "work_duration": 2, "max_concurrent_jobs": 2, "repeats": 1,
          "timeout": 0.5, "job_timeout_ms": 30000, "description": "cannot finish in time",
          "phase": "custom"}]""");
    allureResults = dir.resolve("allure-results");
    resultsFile = dir.resolve("benchmark-results.json");
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(allureResults));
    AllureLifecycle previous = Allure.getLifecycle();
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
                  .configurationParameter(BenchmarkProperties.ENGINE, "container")
                  .configurationParameter(EngineSettings.IMAGE_PROPERTY, image)
                  .configurationParameter(EngineSettings.SCOPE_PROPERTY, "scenario")
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

  /** Each test, not the class, is skipped: a skipped class would show no reason in the report. */
  @BeforeEach
  void requireDocker() {
    assumeTrue(
        unavailable.isEmpty(),
        () -> "Skipped: the container engine cannot run here: " + unavailable.get());
  }

  @Test
  void shouldAttachTheContainersLogAndNameItInTheErrorWhenTheScenarioFails() throws IOException {
    // given the run above
    // when
    JsonNode result = allureResult("container_impossible");

    // then
    String expected =
        "Expected 2 jobs to complete within 0.5 s, but 0 did (the engine's last";
    assertThat(OUTCOMES.get("container_impossible").getStatus())
        .isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(result.path("statusDetails").path("message").asText())
        .startsWith(expected)
        .endsWith("log lines are attached to the test as 'engine log (tail)')");
    Path log = attachment(result, EngineLogAttachment.NAME);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .hasSizeLessThanOrEqualTo(200)
        .anySatisfy(line -> assertThat(line).startsWith("engine ready grpc=0.0.0.0:26500"));
    JsonNode written = JSON.readTree(resultsFile.toFile());
    assertThat(written.path("engine_image").asText()).startsWith("workerbench/engine:");
    assertThat(written.path("engine_scope").asText()).isEqualTo("scenario");
    assertThat(written.path("results").get(0).path("error").asText()).startsWith(expected);
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

  private static Path attachment(JsonNode result, String name) {
    for (JsonNode attachment : result.path("attachments")) {
      if (attachment.path("name").asText().equals(name)) {
        return allureResults.resolve(attachment.path("source").asText());
      }
    }
    throw new AssertionError("no attachment '" + name + "' in " + result.path("attachments"));
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
