package io.github.workerbench.tests;

import io.github.workerbench.core.engine.DockerEnvironment;
import io.github.workerbench.core.engine.EngineImage;
import io.github.workerbench.core.engine.EngineKind;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.EngineScopedRunner;
import io.github.workerbench.core.run.RunListener;
import io.github.workerbench.core.run.Warmup;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * One test run's benchmark state: the properties and the results file every factory of the run
 * appends to. {@link #testsFor} turns a tag into one dynamic test per scenario.
 *
 * <p><b>Engine lifecycle:</b> each factory gets its own {@link EngineScopedRunner} (as {@code bench
 * run} uses one), which starts the engine at the factory's first scenario and stops it when JUnit
 * closes the factory's stream; scenarios stay apart through the runner's unique process ids. With
 * {@code -Dbenchmark.engine.scope=scenario} every scenario gets a fresh engine instead ({@link
 * EngineScopedRunner}). The scenarios of a factory run one after another on one thread of their
 * own, as the runner requires. With the container engine and no usable Docker, a factory is
 * skipped with the reason.
 *
 * <p>Thread-safe; JUnit calls it from the test thread.
 */
public final class BenchmarkSession {

  private final BenchmarkProperties properties;
  private final ResultsRecorder results;

  /** A session that writes the results file named in {@code properties}. */
  public BenchmarkSession(BenchmarkProperties properties) {
    this.properties = properties;
    this.results =
        new ResultsRecorder(
            new ResultsFile(properties.resultsFile()),
            properties.engine().kind().id(),
            properties.engine().setup(),
            Instant.now());
  }

  /** What this session runs. */
  public BenchmarkProperties properties() {
    return properties;
  }

  /**
   * One dynamic test per scenario of {@code tag}, named after it; for {@link PhaseTags#CUSTOM}
   * one container per custom phase holding its scenarios.
   *
   * @throws IllegalArgumentException when the properties name no scenario of this tag
   */
  public Stream<DynamicNode> testsFor(String tag) {
    ScenarioSelection selection = ScenarioSelection.forTag(tag, properties);
    double scale =
        properties.durationScaleOr(
            tag.equals(PhaseTags.SMOKE) ? BenchmarkProperties.SMOKE_DEFAULT_SCALE : 1.0);
    EngineSettings engine = properties.engine();
    if (engine.kind() == EngineKind.CONTAINER) {
      prepareDocker(engine.container().image());
    }
    EngineLogAttachment engineLog = new EngineLogAttachment();
    EngineScopedRunner runner =
        EngineScopedRunner.of(
            engine, new DefaultWorkerFactory(), Warmup.standard(), RunListener.noop(), engineLog);
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread worker = new Thread(task, "benchmark-" + tag);
              worker.setDaemon(true);
              return worker;
            });
    ScenarioTestRun run =
        new ScenarioTestRun(
            runner, thread, results, engineLog, selection.source(), tag, engineAllowance());
    Stream<DynamicNode> nodes;
    if (tag.equals(PhaseTags.CUSTOM)) {
      Map<String, List<Scenario>> byPhase = new LinkedHashMap<>();
      for (Scenario scenario : selection.scenarios()) {
        byPhase.computeIfAbsent(scenario.phase(), phase -> new java.util.ArrayList<>())
            .add(scenario);
      }
      nodes =
          byPhase.entrySet().stream()
              .map(
                  phase ->
                      DynamicContainer.dynamicContainer(
                          phase.getKey(),
                          phase.getValue().stream().map(s -> test(run, s, scale))));
    } else {
      nodes = selection.scenarios().stream().map(s -> test(run, s, scale));
    }
    return nodes.onClose(
        () -> {
          thread.shutdownNow();
          runner.close();
        });
  }

  /**
   * Skips the factory, with the reason, where Docker cannot be used; builds our engine image
   * when it is the one asked for and is missing or stale, so no hand step precedes the tests.
   */
  private static void prepareDocker(String image) {
    try (DockerEnvironment docker = new DockerEnvironment()) {
      docker
          .unavailableReason()
          .ifPresent(
              reason -> Assumptions.abort("Skipped: the container engine cannot run here: " + reason));
      if (image.equals(EngineImage.LATEST) || image.equals(EngineImage.versionTag())) {
        EngineImage.unsupportedReason()
            .ifPresent(reason -> Assumptions.abort("Skipped: " + reason));
        new EngineImage(docker.client(), EngineImage.locateEngineJar(), line -> {}).ensureBuilt();
      }
    }
  }

  private static DynamicNode test(ScenarioTestRun run, Scenario scenario, double scale) {
    return DynamicTest.dynamicTest(scenario.name(), () -> run.run(ScenarioPlan.of(scenario, scale)));
  }

  private java.time.Duration engineAllowance() {
    // Time to start the engine at a factory's first scenario, on top of the scenario's timeout:
    // pulling and starting the Camunda image takes minutes, the embedded engine seconds.
    return properties.engine().kind() == EngineKind.CONTAINER
        ? java.time.Duration.ofMinutes(5)
        : java.time.Duration.ofSeconds(60);
  }
}
