package io.github.workerbench.core.run.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.ResultsContent;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ResultsFileException;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {

  private static final Instant NOW = Instant.parse("2026-11-27T13:30:00Z");
  private static final List<Scenario> SCENARIOS =
      List.of(
          scenario("a1", "a"),
          scenario("a2", "a"),
          scenario("b1", "b"),
          scenario("b2", "b"),
          scenario("b3", "b"));

  @TempDir Path folder;

  /** Records each plan; fails the scenarios named in {@code failing}. */
  private static final class FakeExecutor implements ScenarioExecutor {
    final List<ScenarioPlan> plans = new CopyOnWriteArrayList<>();
    final Set<String> failing;
    final List<Integer> resultsInFileBefore = new ArrayList<>();
    final ResultsFile file;

    FakeExecutor(ResultsFile file, String... failing) {
      this.file = file;
      this.failing = Set.of(failing);
    }

    @Override
    public ScenarioResult execute(ScenarioPlan plan) {
      plans.add(plan);
      resultsInFileBefore.add(file.exists() ? file.read().results().size() : 0);
      RunStatus status = failing.contains(plan.name()) ? RunStatus.FAILED : RunStatus.SUCCESS;
      return result(plan, status);
    }

    List<String> names() {
      return plans.stream().map(ScenarioPlan::name).toList();
    }
  }

  private ResultsFile resultsFile() {
    return new ResultsFile(folder.resolve("results.json"));
  }

  private static SuiteRunner runner(ScenarioExecutor executor, ResultsFile file) {
    return new SuiteRunner(
        executor, file, SuiteListener.noop(), Clock.fixed(NOW, ZoneOffset.UTC), 2);
  }

  @Test
  void shouldRunInOrderAndSaveAfterEachScenarioWhenAllSucceed() {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file);

    // when
    SuiteOutcome outcome =
        runner(executor, file).run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults());

    // then
    assertThat(executor.names()).containsExactly("a1", "a2", "b1", "b2", "b3");
    assertThat(executor.resultsInFileBefore).containsExactly(0, 1, 2, 3, 4);
    assertThat(file.read().successfulNames()).containsExactly("a1", "a2", "b1", "b2", "b3");
    assertThat(outcome.anyFailed()).isFalse();
    assertThat(outcome.interrupted()).isFalse();
  }

  @Test
  void shouldRunOnlyThePhaseWhenPhaseIsGiven() {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file);

    // when
    runner(executor, file)
        .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withPhase("b"));

    // then
    assertThat(executor.names()).containsExactly("b1", "b2", "b3");
  }

  @Test
  void shouldRunTheFirstNWhenLimitIsGiven() {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file);

    // when
    runner(executor, file)
        .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withLimit(2));

    // then
    assertThat(executor.names()).containsExactly("a1", "a2");
  }

  @Test
  void shouldLimitWithinThePhaseWhenBothAreGiven() {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file);

    // when
    runner(executor, file)
        .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withPhase("b").withLimit(2));

    // then
    assertThat(executor.names()).containsExactly("b1", "b2");
  }

  @Test
  void shouldRejectBeforeRunningWhenNoScenarioHasThePhase() {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file);

    // when / then
    assertThatThrownBy(
            () ->
                runner(executor, file)
                    .run(
                        SCENARIOS,
                        "s.json",
                        "embedded",
                        SuiteOptions.defaults().withPhase("9_nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s.json: --phase '9_nope' matches no scenario; phases: a, b");
    assertThat(executor.plans).isEmpty();
    assertThat(file.exists()).isFalse();
  }

  @Test
  void shouldStopAtTheFirstFailureWhenNotContinuingOnError() {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file, "a2");

    // when
    SuiteOutcome outcome =
        runner(executor, file).run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults());

    // then
    assertThat(executor.names()).containsExactly("a1", "a2");
    assertThat(outcome.failedNames()).containsExactly("a2");
    assertThat(outcome.notRun()).isEqualTo(3);
    assertThat(file.read().results()).hasSize(2);
  }

  @Test
  void shouldRunEverythingAndListFailuresWhenContinuingOnError() throws IOException {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file, "a2", "b2");

    // when
    SuiteOutcome outcome =
        runner(executor, file)
            .run(
                SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withContinueOnError(true));

    // then
    assertThat(executor.names()).hasSize(5);
    assertThat(outcome.failedNames()).containsExactly("a2", "b2");
    JsonNode root = new ObjectMapper().readTree(file.path().toFile());
    assertThat(root.get("failed_scenarios").toString()).isEqualTo("[\"a2\",\"b2\"]");
  }

  @Test
  void shouldRecordAFailureAndGoOnWhenTheExecutorThrows() {
    // given
    ResultsFile file = resultsFile();
    ScenarioExecutor executor =
        plan -> {
          if (plan.name().equals("a1")) {
            throw new IllegalStateException("Expected to reach the engine, but it refused");
          }
          return result(plan, RunStatus.SUCCESS);
        };

    // when
    SuiteOutcome outcome =
        runner(executor, file)
            .run(
                SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withContinueOnError(true));

    // then
    assertThat(outcome.failedNames()).containsExactly("a1");
    JsonNode a1 = file.read().results().get(0);
    assertThat(a1.get("status").asText()).isEqualTo("failed");
    assertThat(a1.get("error").asText()).isEqualTo("Expected to reach the engine, but it refused");
    assertThat(file.read().successfulNames()).containsExactly("a2", "b1", "b2", "b3");
  }

  @Test
  void shouldRunOnlyTheRestAndKeepEarlierResultsWhenResuming() throws IOException {
    // given a first run that stopped at a2's failure
    ResultsFile file = resultsFile();
    runner(new FakeExecutor(file, "a2"), file)
        .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults());
    String a1Before = file.read().results().get(0).toString();
    FakeExecutor second = new FakeExecutor(file);

    // when
    SuiteOutcome outcome =
        new SuiteRunner(
                second,
                file,
                SuiteListener.noop(),
                Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC),
                2)
            .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withResume(true));

    // then
    assertThat(second.names()).containsExactly("a2", "b1", "b2", "b3");
    assertThat(outcome.resumed()).isEqualTo(1);
    ResultsContent content = file.read();
    assertThat(content.successfulNames()).containsExactly("a1", "a2", "b1", "b2", "b3");
    assertThat(content.results().get(0).toString()).isEqualTo(a1Before);
  }

  @Test
  void shouldKeepOtherResultsWhenResumingWithAPhase() {
    // given
    ResultsFile file = resultsFile();
    runner(new FakeExecutor(file), file)
        .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withPhase("a"));
    FakeExecutor second = new FakeExecutor(file);

    // when
    runner(second, file)
        .run(
            SCENARIOS,
            "s.json",
            "embedded",
            SuiteOptions.defaults().withPhase("b").withResume(true));

    // then
    assertThat(second.names()).containsExactly("b1", "b2", "b3");
    assertThat(file.read().results())
        .extracting(r -> r.get("name").asText())
        .containsExactly("b1", "b2", "b3", "a1", "a2");
  }

  @Test
  void shouldRejectWithoutChangingTheFileWhenResumingAFileThatIsNotOurs() throws IOException {
    // given
    ResultsFile file = resultsFile();
    Files.writeString(file.path(), "{\"results\": []}");
    FakeExecutor executor = new FakeExecutor(file);

    // when / then
    assertThatThrownBy(
            () ->
                runner(executor, file)
                    .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withResume(true)))
        .isInstanceOf(ResultsFileException.class);
    assertThat(executor.plans).isEmpty();
    assertThat(Files.readString(file.path())).isEqualTo("{\"results\": []}");
  }

  @Test
  void shouldRejectWhenResumingAtAnotherDurationScale() {
    // given
    ResultsFile file = resultsFile();
    runner(new FakeExecutor(file, "a1"), file)
        .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withDurationScale(0.1));

    // when / then
    assertThatThrownBy(
            () ->
                runner(new FakeExecutor(file), file)
                    .run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withResume(true)))
        .hasMessageContaining("written with --duration-scale 0.1, but this run uses 1.0");
  }

  @Test
  void shouldScaleDurationsAndRecordTheScaleWhenScaleIsGiven() throws IOException {
    // given
    ResultsFile file = resultsFile();
    FakeExecutor executor = new FakeExecutor(file);

    // when
    runner(executor, file)
        .run(
            SCENARIOS,
            "s.json",
            "embedded",
            SuiteOptions.defaults().withDurationScale(0.1).withLimit(1));

    // then
    ScenarioPlan plan = executor.plans.get(0);
    assertThat(plan.workDuration()).isEqualTo(Duration.ofMillis(50));
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(3));
    JsonNode root = new ObjectMapper().readTree(file.path().toFile());
    assertThat(root.get("duration_scale").asDouble()).isEqualTo(0.1);
    assertThat(root.get("results").get(0).get("duration_scale").asDouble()).isEqualTo(0.1);
    assertThat(root.get("results").get(0).get("work_duration").asDouble()).isEqualTo(0.5);
  }

  @Test
  void shouldSaveAndStopWhenAScenarioIsInterrupted() {
    // given
    ResultsFile file = resultsFile();
    ScenarioExecutor executor =
        plan ->
            result(plan, plan.name().equals("a2") ? RunStatus.INTERRUPTED : RunStatus.SUCCESS);

    // when
    SuiteOutcome outcome =
        runner(executor, file)
            .run(
                SCENARIOS, "s.json", "embedded", SuiteOptions.defaults().withContinueOnError(true));

    // then
    assertThat(outcome.interrupted()).isTrue();
    assertThat(outcome.results()).hasSize(2);
    assertThat(file.read().results())
        .extracting(r -> r.get("status").asText())
        .containsExactly("success", "interrupted");
  }

  @Test
  void shouldRecordInterruptedWhenStopIsRequestedWhileAScenarioRuns() throws Exception {
    // given an executor that blocks until its thread is interrupted
    ResultsFile file = resultsFile();
    CountDownLatch started = new CountDownLatch(1);
    ScenarioExecutor executor =
        plan -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
            return result(plan, RunStatus.SUCCESS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jobs");
          }
        };
    SuiteRunner runner = runner(executor, file);
    CompletableFuture<SuiteOutcome> outcome =
        CompletableFuture.supplyAsync(
            () -> runner.run(SCENARIOS, "s.json", "embedded", SuiteOptions.defaults()));
    await("the first scenario to start")
        .atMost(Duration.ofSeconds(10))
        .until(() -> started.getCount() == 0);

    // when
    runner.requestStop();

    // then
    SuiteOutcome done = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(done.interrupted()).isTrue();
    assertThat(file.read().results())
        .extracting(r -> r.get("status").asText())
        .containsExactly("interrupted");
  }

  @Test
  void shouldTellTheListenerProgressAndEtaWhenRunning() {
    // given
    ResultsFile file = resultsFile();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    SuiteListener listener =
        new SuiteListener() {
          @Override
          public void suiteStarted(int toRun, int resumed, Duration idealTotal) {
            events.add("suite " + toRun + " " + resumed + " " + idealTotal.toMillis());
          }

          @Override
          public void scenarioStarted(int index, int total, ScenarioPlan plan, Duration eta) {
            events.add("start " + index + "/" + total + " " + plan.name() + " " + eta.toMillis());
          }

          @Override
          public void jobsCompleted(long completed, long expected) {
            events.add("jobs " + completed + "/" + expected);
          }

          @Override
          public void scenarioFinished(int index, int total, ScenarioResult result) {
            events.add("done " + index + " " + result.status().id());
          }
        };
    java.util.concurrent.atomic.AtomicReference<SuiteRunner> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    SuiteRunner real =
        new SuiteRunner(
            plan -> {
              // The worker reports completions through the runner's observer.
              self.get().jobObserver().completed(1, 1, 0);
              self.get().jobObserver().completed(2, 2, 0);
              return result(plan, RunStatus.SUCCESS);
            },
            file,
            listener,
            Clock.fixed(NOW, ZoneOffset.UTC),
            2);
    self.set(real);

    // when
    real.run(SCENARIOS.subList(0, 2), "s.json", "embedded", SuiteOptions.defaults());

    // then ideal: ceil(4 / min(2, 4, 2)) x 0.5 s = 1 s per repeat, 2 repeats: 2 s per scenario
    assertThat(events)
        .containsExactly(
            "suite 2 0 4000",
            "start 1/2 a1 4000",
            "jobs 1/8",
            "jobs 2/8",
            "done 1 success",
            "start 2/2 a2 2000",
            "jobs 1/8",
            "jobs 2/8",
            "done 2 success");
  }

  /** A small cpu scenario: 4 jobs of 0.5 s on 2 threads, 2 repeats (ideal 1 s per repeat). */
  private static Scenario scenario(String name, String phase) {
    return Scenario.builder()
        .name(name)
        .phase(phase)
        .description("test scenario " + name)
        .numInstances(4)
        .strategy(StrategyKind.THREAD)
        .workloadType(WorkloadKind.CPU)
        .workDuration(0.5)
        .maxConcurrentJobs(2)
        .repeats(2)
        .timeout(30)
        .jobTimeoutMs(30_000)
        .build();
  }

  /** A result of the plan with this status, every repeat having completed its jobs. */
  private static ScenarioResult result(ScenarioPlan plan, RunStatus status) {
    List<RepeatMetrics> repeats = new ArrayList<>();
    for (int i = 1; i <= plan.scenario().repeats(); i++) {
      repeats.add(
          RepeatMetrics.builder(i)
              .jobsCompleted(plan.numInstances())
              .expectedJobs(plan.numInstances())
              .build());
    }
    return new ScenarioResult(
        plan, status, status == RunStatus.SUCCESS ? null : "boom", List.of(), 3.25, NOW,
        "thread", 2, 0.125, 0, repeats);
  }
}
