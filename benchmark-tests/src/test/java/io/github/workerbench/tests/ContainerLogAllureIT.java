package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.core.engine.DockerEnvironment;
import io.github.workerbench.core.engine.EngineImage;
import io.github.workerbench.core.engine.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

/**
 * A scenario forced to fail on the container engine (our image, a fresh container per
 * scenario), run through the generic factory of {@link PhaseScenariosIT} by the JUnit Platform
 * Launcher: the container's last log lines are attached to its Allure result and its error names
 * the attachment. Skipped, with the reason, where Docker cannot be used.
 */
class ContainerLogAllureIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Optional<String> unavailable;
  private static CustomPhaseLaunch launch;
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
    resultsFile = dir.resolve("benchmark-results.json");
    launch =
        CustomPhaseLaunch.run(
            dir,
            scenarios,
            resultsFile,
            Map.of(
                BenchmarkProperties.ENGINE, "container",
                EngineSettings.IMAGE_PROPERTY, image,
                EngineSettings.SCOPE_PROPERTY, "scenario"));
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
    JsonNode result = launch.allureResult("container_impossible");

    // then
    String expected =
        "Expected 2 jobs to complete within 0.5 s, but 0 did (the engine's last";
    assertThat(launch.outcome("container_impossible").getStatus())
        .isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(result.path("statusDetails").path("message").asText())
        .startsWith(expected)
        .endsWith("log lines are attached to the test as 'engine log (tail)')");
    Map<String, Path> attachments = launch.attachments(result);
    assertThat(attachments).containsKey(EngineLogAttachment.NAME);
    Path log = attachments.get(EngineLogAttachment.NAME);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .hasSizeLessThanOrEqualTo(200)
        .anySatisfy(line -> assertThat(line).startsWith("engine ready grpc=0.0.0.0:26500"));
    JsonNode written = JSON.readTree(resultsFile.toFile());
    assertThat(written.path("engine_image").asText()).startsWith("workerbench/engine:");
    assertThat(written.path("engine_scope").asText()).isEqualTo("scenario");
    assertThat(written.path("results").get(0).path("error").asText()).startsWith(expected);
  }
}
