package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.engine.EngineKind;
import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.Warmup;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class RunCommandTest {

  @TempDir Path folder;

  private final List<ScenarioPlan> ran = new CopyOnWriteArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private RunCommand.ExecutorFactory ending(Set<String> failing, Set<String> interrupted) {
    return (engine, progress, warmup, engineLogs) ->
        plan -> {
          ran.add(plan);
          progress.completed(1, 1, 0);
          RunStatus status =
              interrupted.contains(plan.name())
                  ? RunStatus.INTERRUPTED
                  : failing.contains(plan.name()) ? RunStatus.FAILED : RunStatus.SUCCESS;
          RepeatMetrics repeat =
              RepeatMetrics.builder(1)
                  .status(status)
                  .totalTimeSeconds(2)
                  .jobsCompleted(5)
                  .expectedJobs(5)
                  .jobsPerSecond(2.5)
                  .build();
          return new ScenarioResult(
              plan,
              status,
              status == RunStatus.SUCCESS ? null : "boom",
              List.of(),
              2.0,
              Instant.parse("2026-11-27T13:30:00Z"),
              "thread",
              2,
              0,
              0,
              List.of(repeat));
        };
  }

  private int execute(RunCommand.ExecutorFactory factory, String... args) {
    CommandLine commandLine = new CommandLine(new RunCommand(factory));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void shouldRunTheSuiteAndPrintTheSummaryWhenAllSucceed() throws IOException {
    // given
    Path results = folder.resolve("results.json");

    // when
    int exit =
        execute(
            ending(Set.of(), Set.of()),
            "--suite",
            "minimal",
            "--output",
            results.toString(),
            "--engine",
            "remote");

    // then
    assertThat(exit).isZero();
    assertThat(ran)
        .extracting(ScenarioPlan::name)
        .containsExactly("smoke_async", "smoke_thread", "smoke_auto");
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("scenarios_file").asText()).isEqualTo("suite:minimal");
    assertThat(root.get("engine").asText()).isEqualTo("remote");
    assertThat(root.get("results")).hasSize(3);
    assertThat(out.toString())
        .contains(
            "BENCHMARK SUMMARY",
            "3 succeeded",
            "Results by phase",
            "smoke_test",
            "Key questions",
            "Results: " + results);
    assertThat(RunCommand.htmlBeside(results)).isNotEmptyFile();
    assertThat(err.toString()).contains("[1/3] smoke_async", "[3/3] smoke_auto");
  }

  @ParameterizedTest
  @CsvSource({"false, " + Warmup.STANDARD_JOBS, "true, 0"})
  void shouldHandTheWarmupToTheExecutorWhenRunWithOrWithoutNoWarmup(boolean off, int jobs) {
    // given
    List<Warmup> handed = new CopyOnWriteArrayList<>();
    RunCommand.ExecutorFactory recording =
        (engine, progress, warmup, engineLogs) -> {
          handed.add(warmup);
          return ending(Set.of(), Set.of()).create(engine, progress, warmup, engineLogs);
        };
    List<String> args =
        new ArrayList<>(
            List.of("--suite", "minimal", "--limit", "1", "--no-summary", "--output",
                folder.resolve("w.json").toString()));
    if (off) {
      args.add("--no-warmup");
    }
    // when
    int exit = execute(recording, args.toArray(String[]::new));
    // then
    assertThat(exit).isZero();
    assertThat(handed).extracting(Warmup::jobs).containsExactly(jobs);
  }

  /** Runs the minimal suite into r.json with {@code option}, its smoke_thread scenario failing. */
  private int executeMinimalFailingSmokeThread(String option) {
    return execute(
        ending(Set.of("smoke_thread"), Set.of()),
        "--suite",
        "minimal",
        "--output",
        folder.resolve("r.json").toString(),
        option);
  }

  @Test
  void shouldExit1AndStopWhenAScenarioFails() {
    // when
    int exit = executeMinimalFailingSmokeThread("--no-summary");

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(ran).hasSize(2);
    assertThat(err.toString()).contains("Failed scenarios: smoke_thread");
    assertThat(out.toString()).doesNotContain("By phase:");
  }

  @Test
  void shouldRunTheRestWhenContinuingOnError() {
    // when
    int exit = executeMinimalFailingSmokeThread("--continue-on-error");

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(ran).hasSize(3);
  }

  @Test
  void shouldExit130WhenAScenarioIsInterrupted() throws IOException {
    // given
    Path results = folder.resolve("r.json");

    // when
    int exit =
        execute(
            ending(Set.of(), Set.of("smoke_thread")),
            "--suite",
            "minimal",
            "--output",
            results.toString());

    // then
    assertThat(exit).isEqualTo(RunCommand.EXIT_INTERRUPTED);
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("failed_scenarios").toString()).isEqualTo("[\"smoke_thread\"]");
    assertThat(root.get("results").get(1).get("status").asText()).isEqualTo("interrupted");
  }

  @Test
  void shouldResumeAndRecordTheScaleWhenOptionsAreGiven() throws IOException {
    // given a first run that stopped at smoke_thread
    Path results = folder.resolve("r.json");
    execute(
        ending(Set.of("smoke_thread"), Set.of()),
        "--suite",
        "minimal",
        "--output",
        results.toString(),
        "--duration-scale",
        "0.1");
    ran.clear();

    // when
    int exit =
        execute(
            ending(Set.of(), Set.of()),
            "--suite",
            "minimal",
            "--output",
            results.toString(),
            "--duration-scale",
            "0.1",
            "--resume");

    // then
    assertThat(exit).isZero();
    assertThat(ran).extracting(ScenarioPlan::name).containsExactly("smoke_thread", "smoke_auto");
    assertThat(ran.get(0).durationScale()).isEqualTo(0.1);
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("duration_scale").asDouble()).isEqualTo(0.1);
    assertThat(root.get("failed_count").asInt()).isZero();
  }

  @Test
  void shouldRunOnTheEngineOfTheSystemPropertyWhenNoEngineOptionIsGiven() throws IOException {
    // given
    Path results = folder.resolve("property.json");
    List<EngineKind> handed = new CopyOnWriteArrayList<>();
    RunCommand.ExecutorFactory recording =
        (engine, progress, warmup, engineLogs) -> {
          handed.add(engine.kind());
          return ending(Set.of(), Set.of()).create(engine, progress, warmup, engineLogs);
        };
    String previous = System.getProperty(EngineSettings.ENGINE_PROPERTY);
    System.setProperty(EngineSettings.ENGINE_PROPERTY, "container");

    // when
    int exit;
    try {
      exit =
          execute(
              recording, "--suite", "minimal", "--limit", "1", "--no-summary", "--output",
              results.toString());
    } finally {
      if (previous == null) {
        System.clearProperty(EngineSettings.ENGINE_PROPERTY);
      } else {
        System.setProperty(EngineSettings.ENGINE_PROPERTY, previous);
      }
    }

    // then the property chose the engine, as it does for bench test and the benchmark tests
    assertThat(exit).as(err.toString()).isZero();
    assertThat(handed).containsExactly(EngineKind.CONTAINER);
    assertThat(new ObjectMapper().readTree(results.toFile()).get("engine").asText())
        .isEqualTo("container");
  }

  @Test
  void shouldExit1WithOneLineAndNoResultsWhenTheEngineCannotBeSetUp() {
    // given an executor factory that cannot set the engine up
    Path results = folder.resolve("r.json");
    RunCommand.ExecutorFactory broken =
        (engine, progress, warmup, engineLogs) -> {
          throw new BenchmarkException(
              "Expected to set up the " + engine.kind().id() + " engine, but the image is missing");
        };

    // when
    int exit = execute(broken, "--suite", "minimal", "--output", results.toString());

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "bench run: Expected to set up the embedded engine, but the image is missing");
    assertThat(results).doesNotExist();
  }
}
