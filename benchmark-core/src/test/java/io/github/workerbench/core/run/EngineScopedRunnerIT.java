package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.engine.EngineScope;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How long an engine lives under each scope, on real embedded engines that also "print" log
 * lines, as a container's output would be seen.
 */
class EngineScopedRunnerIT {

  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final List<String> kept = new CopyOnWriteArrayList<>();

  private static ScenarioPlan plan(String name, String phase) {
    return ScenarioPlan.of(quick(name, phase).build());
  }

  private static Scenario.Builder quick(String name, String phase) {
    return Scenario.builder()
        .name(name)
        .numInstances(2)
        .strategy(StrategyKind.VIRTUAL)
        .workloadType(WorkloadKind.SLEEP)
        .workDuration(0.01)
        .maxConcurrentJobs(2)
        .repeats(1)
        .timeout(30)
        .jobTimeoutMs(30_000)
        .phase(phase);
  }

  private EngineScopedRunner runner(EngineScope scope) {
    return new EngineScopedRunner(
        () -> new CountedEngine(started, closed),
        scope,
        engines ->
                new ScenarioRunner(new EngineRepeatDriver(engines, new DefaultWorkerFactory())),
        (failed, lines) -> {
          kept.addAll(lines);
          return "kept " + lines.size() + " lines";
        });
  }

  @Test
  void shouldStartAFreshEngineForEveryScenarioWhenTheScopeIsScenario() {
    // given
    List<ScenarioResult> results;

    // when
    try (EngineScopedRunner runner = runner(EngineScope.SCENARIO)) {
      results = List.of(runner.run(plan("a", "p")), runner.run(plan("b", "p")));
      // then each closed right after its scenario
      assertThat(closed).hasValue(2);
    }
    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
    assertThat(results).allSatisfy(r -> assertThat(r.startedEngine()).isTrue());
    assertThat(started).hasValue(2);
  }

  @Test
  void shouldKeepOneEnginePerPhaseWhenTheScopeIsPhase() {
    // given
    List<ScenarioResult> results;

    // when
    try (EngineScopedRunner runner = runner(EngineScope.PHASE)) {
      results =
          List.of(
              runner.run(plan("a", "p1")), runner.run(plan("b", "p1")), runner.run(plan("c", "p2")));
      assertThat(closed).as("the first phase's engine closed when p2 began").hasValue(1);
    }

    // then
    assertThat(results).extracting(ScenarioResult::startedEngine).containsExactly(true, false, true);
    assertThat(results.get(0).engineStartupSeconds()).isPositive();
    assertThat(started).hasValue(2);
    assertThat(closed).hasValue(2);
  }

  @Test
  void shouldNameWhereTheEngineLogWentWhenAScenarioFails() {
    // given a scenario that cannot finish in time
    ScenarioPlan impossible =
        ScenarioPlan.of(quick("late", "p").workDuration(2).timeout(0.5).build());

    // when
    ScenarioResult result;
    try (EngineScopedRunner runner = runner(EngineScope.SCENARIO)) {
      result = runner.run(impossible);
    }

    // then
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error())
        .isEqualTo("Expected 2 jobs to complete within 0.5 s, but 0 did (kept 2 lines)");
    assertThat(kept).containsExactly("engine started", "engine serving");
  }

  @Test
  void shouldKeepTheErrorAsItIsWhenTheEngineShowsNoLog() {
    // given the plain embedded engine, whose log is this JVM's own
    ScenarioPlan impossible =
        ScenarioPlan.of(quick("late", "p").workDuration(2).timeout(0.5).build());

    // when
    ScenarioResult result;
    try (EngineScopedRunner runner =
        new EngineScopedRunner(
            EmbeddedEngine::new,
            EngineScope.PHASE,
            engines ->
                new ScenarioRunner(new EngineRepeatDriver(engines, new DefaultWorkerFactory())),
            (failed, lines) -> "kept")) {
      result = runner.run(impossible);
    }

    // then
    assertThat(result.error()).isEqualTo("Expected 2 jobs to complete within 0.5 s, but 0 did");
  }

  /** An embedded engine that counts its starts and closes and shows two lines of log. */
  private static final class CountedEngine extends ForwardingEngine {
    private final AtomicInteger started;
    private final AtomicInteger closed;

    CountedEngine(AtomicInteger started, AtomicInteger closed) {
      super(new EmbeddedEngine());
      this.started = started;
      this.closed = closed;
    }

    @Override
    public void start() {
      super.start();
      started.incrementAndGet();
    }

    @Override
    public List<String> logTail() {
      return List.of("engine started", "engine serving");
    }

    @Override
    public void close() {
      super.close();
      closed.incrementAndGet();
    }
  }
}
