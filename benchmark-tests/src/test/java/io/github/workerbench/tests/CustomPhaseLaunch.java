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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * One run of the custom phase of {@link PhaseScenariosIT}'s generic factory through the JUnit
 * Platform Launcher, reported to Allure in a folder of its own: each test's outcome by its
 * display name, and the Allure results and attachments to read back. The factory's Allure calls
 * go to the current lifecycle, so the launch points it at this run's folder and restores it.
 */
final class CustomPhaseLaunch {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, TestExecutionResult> outcomes = new ConcurrentHashMap<>();
  private final Path allureResults;

  private CustomPhaseLaunch(Path allureResults) {
    this.allureResults = allureResults;
  }

  /**
   * Runs the custom phase of {@code scenarios}, writing the results file to {@code resultsFile}
   * and the Allure results under {@code dir}; {@code parameters} are further configuration
   * parameters (the engine, its image and scope).
   */
  static CustomPhaseLaunch run(Path dir, Path scenarios, Path resultsFile, Map<String, String> parameters) {
    CustomPhaseLaunch launch = new CustomPhaseLaunch(dir.resolve("allure-results"));
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(launch.allureResults));
    AllureLifecycle previous = Allure.getLifecycle();
    Allure.setLifecycle(lifecycle);
    try {
      LauncherDiscoveryRequestBuilder request =
          request()
              .selectors(selectClass(PhaseScenariosIT.class))
              .filters(TagFilter.includeTags(PhaseTags.CUSTOM))
              .configurationParameter(BenchmarkProperties.SCENARIOS, scenarios.toString())
              .configurationParameters(parameters)
              .configurationParameter(BenchmarkProperties.DURATION_SCALE, "1")
              .configurationParameter(BenchmarkProperties.RESULTS_FILE, resultsFile.toString());
      LauncherFactory.create(
              LauncherConfig.builder()
                  .enableTestExecutionListenerAutoRegistration(false)
                  .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                  .build())
          .execute(
              request.build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                  if (test.isTest()) {
                    launch.outcomes.put(test.getDisplayName(), result);
                  }
                }
              });
    } finally {
      Allure.setLifecycle(previous);
    }
    return launch;
  }

  /** The outcome of the test of this display name (the scenario's name), or null. */
  TestExecutionResult outcome(String name) {
    return outcomes.get(name);
  }

  /** The one Allure result of this name; fails the test unless there is exactly one. */
  JsonNode allureResult(String name) throws IOException {
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

  /** A result's attachments: each one's file by its name. */
  Map<String, Path> attachments(JsonNode result) {
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
      throw new UncheckedIOException(e);
    }
  }
}
