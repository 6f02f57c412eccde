package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The one scenario loop, over a driver that fakes each repeat. */
class ScenarioRunnerTest {

  private static final Instant NOW = Instant.parse("2026-11-27T13:30:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private final List<String> events = new ArrayList<>();

  /** A driver whose repeats end as {@code outcomes} says, each taking one second. */
  private final class FakeDriver implements RepeatDriver {
    private final IntFunction<RunStatus> outcomes;
    private WarmupOutcome warmup = WarmupOutcome.none();
    private RuntimeException prepareFailure;
    private boolean redelivers = true;
    private double engineStartup = Double.NaN;

    FakeDriver(IntFunction<RunStatus> outcomes) {
      this.outcomes = outcomes;
    }

    @Override
    public double startEngine() {
      return engineStartup;
    }

    @Override
    public WarmupOutcome prepare(ScenarioPlan plan) {
      events.add("prepare");
      if (prepareFailure != null) {
        throw prepareFailure;
      }
      return warmup;
    }

    @Override
    public RepeatOutcome run(ScenarioPlan plan, int repeat, RepeatMetrics.Builder metrics) {
      events.add("run " + repeat);
      nanos.addAndGet(1_000_000_000L);
      RunStatus status = outcomes.apply(repeat);
      metrics.status(status).error(status == RunStatus.SUCCESS ? null : "boom " + repeat);
      return new RepeatOutcome(metrics.jobsCompleted(5).build(), "thread", 0.5 * repeat);
    }

    @Override
    public void scenarioEnded(ScenarioPlan plan) {
      events.add("ended");
    }

    @Override
    public boolean redeliversTimedOutJobs() {
      return redelivers;
    }

    @Override
    public void close() {
      events.add("close");
    }
  }

  private ScenarioResult run(RepeatDriver driver, ScenarioPlan plan) {
    RunListener listener =
        new RunListener() {
          @Override
          public void repeatStarted(ScenarioPlan p, int repeat) {
            events.add("started " + repeat);
          }

          @Override
          public void scenarioFinished(ScenarioResult result) {
            events.add("finished " + result.status().id());
          }
        };
    try (ScenarioRunner runner =
        new ScenarioRunner(driver, nanos::get, Clock.fixed(NOW, ZoneOffset.UTC), listener)) {
      return runner.run(plan);
    }
  }

  private static ScenarioPlan plan(int repeats) {
    // 20 sleep jobs of 1 s at concurrency 5: ideal 4 s per repeat
    return ScenarioPlan.of(ScenarioWarningsTest.scenario().repeats(repeats).build());
  }

  @Test
  void shouldRunEveryRepeatInOrderWhenEachSucceeds() {
    // given
    FakeDriver driver = new FakeDriver(repeat -> RunStatus.SUCCESS);

    // when
    ScenarioResult result = run(driver, plan(3));

    // then
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.error()).isNull();
    assertThat(result.repeats()).extracting(RepeatMetrics::repeat).containsExactly(1, 2, 3);
    assertThat(result.repeats())
        .allSatisfy(
            repeat -> {
              assertThat(repeat.expectedJobs()).isEqualTo(20);
              assertThat(repeat.idealTimeSeconds()).isCloseTo(4.0, within(1e-9));
            });
    assertThat(result.resolvedStrategy()).isEqualTo("thread");
    assertThat(result.workerStartupSeconds()).isCloseTo((0.5 + 1.0 + 1.5) / 3, within(1e-9));
    assertThat(result.elapsedSeconds()).isCloseTo(3.0, within(1e-9));
    assertThat(result.finishedAt()).isEqualTo(NOW);
    assertThat(events)
        .containsExactly(
            "prepare", "started 1", "run 1", "started 2", "run 2", "started 3", "run 3", "ended",
            "finished success", "close");
  }

  @Test
  void shouldStopAtTheFirstFailedRepeatAndNameItWhenThereAreSeveral() {
    // given
    FakeDriver driver =
        new FakeDriver(repeat -> repeat == 2 ? RunStatus.FAILED : RunStatus.SUCCESS);

    // when
    ScenarioResult result = run(driver, plan(3));

    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("repeat 2: boom 2");
    assertThat(result.repeats()).hasSize(2);
    assertThat(events).doesNotContain("run 3").contains("ended");
  }

  @Test
  void shouldKeepTheRepeatsReasonAsItIsWhenThereIsOneRepeat() {
    // given
    FakeDriver driver = new FakeDriver(repeat -> RunStatus.INTERRUPTED);

    // when
    ScenarioResult result = run(driver, plan(1));

    // then
    assertThat(result.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(result.error()).isEqualTo("boom 1");
  }

  @Test
  void shouldEndAsInterruptedBeforeTheNextRepeatWhenTheThreadIsInterrupted() {
    // given a driver whose first repeat is interrupted from outside (the thread's flag set)
    FakeDriver driver =
        new FakeDriver(
            repeat -> {
              Thread.currentThread().interrupt();
              return RunStatus.SUCCESS;
            });

    // when
    ScenarioResult result;
    try {
      result = run(driver, plan(3));
    } finally {
      Thread.interrupted();
    }

    // then
    assertThat(result.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(result.error()).isEqualTo("interrupted before repeat 2");
    assertThat(result.repeats()).hasSize(1);
  }

  @Test
  void shouldFailWithTheReasonAndNoRepeatWhenThePreparationFails() {
    // given
    FakeDriver driver = new FakeDriver(repeat -> RunStatus.SUCCESS);
    driver.prepareFailure =
        new BenchmarkException("Expected to start the engine, but the port is taken");

    // when
    ScenarioResult result = run(driver, plan(2));

    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("Expected to start the engine, but the port is taken");
    assertThat(result.repeats()).isEmpty();
    assertThat(result.resolvedStrategy()).isEqualTo("thread");
    assertThat(result.workerStartupSeconds()).isZero();
    assertThat(events).containsExactly("prepare", "ended", "finished failed", "close");
  }

  @Test
  void shouldCarryTheWarmupTimeAndItsWarningWhenTheDriverWarmedUp() {
    // given
    FakeDriver driver = new FakeDriver(repeat -> RunStatus.SUCCESS);
    driver.warmup = new WarmupOutcome(1.25, "the warm-up did not finish");

    // when
    ScenarioResult result = run(driver, plan(1));

    // then
    assertThat(result.warmupSeconds()).isEqualTo(1.25);
    assertThat(result.warnings()).containsExactly("the warm-up did not finish");
  }

  @Test
  void shouldCarryTheEngineStartupTimeOnlyWhenTheDriverStartedAnEngine() {
    // given one driver that starts its engine in 2.5 s and one whose engine already runs
    FakeDriver starting = new FakeDriver(repeat -> RunStatus.SUCCESS);
    starting.engineStartup = 2.5;
    FakeDriver running = new FakeDriver(repeat -> RunStatus.SUCCESS);

    // when
    ScenarioResult started = run(starting, plan(1));
    ScenarioResult reused = run(running, plan(1));

    // then
    assertThat(started.engineStartupSeconds()).isEqualTo(2.5);
    assertThat(started.startedEngine()).isTrue();
    assertThat(reused.engineStartupSeconds()).isNaN();
    assertThat(reused.startedEngine()).isFalse();
  }

  @Test
  void shouldFlagAShortJobTimeoutOnlyWhenTheDriverRedeliversTimedOutJobs() {
    // given work of 1 s against a job timeout of 0.5 s
    ScenarioPlan plan = ScenarioPlan.of(ScenarioWarningsTest.scenario().jobTimeoutMs(500).build());
    FakeDriver engine = new FakeDriver(repeat -> RunStatus.SUCCESS);
    FakeDriver floor = new FakeDriver(repeat -> RunStatus.SUCCESS);
    floor.redelivers = false;

    // when
    ScenarioResult onEngine = run(engine, plan);
    ScenarioResult engineFree = run(floor, plan);

    // then
    assertThat(onEngine.warnings()).singleElement().asString().startsWith("job_timeout_ms 500");
    assertThat(engineFree.warnings()).isEmpty();
  }
}
