package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What is warmed before which scenario, and what a failing warm-up does. */
class EngineWarmupTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong compileMillis = new AtomicLong();
  /** The JIT's compile time each worker round adds, in turn (the last one repeats). */
  private final List<Long> compilePerRound = new ArrayList<>(List.of(0L));
  private final List<String> steps = new ArrayList<>();
  private RuntimeException clientFailure;
  private RunStatus workerStatus = RunStatus.SUCCESS;
  private final List<ScenarioPlan> workerPlans = new ArrayList<>();

  private final EngineWarmup.Steps recording =
      new EngineWarmup.Steps() {
        @Override
        public void warmClient(ScenarioPlan plan, int jobs) {
          steps.add("client " + plan.transport().id() + " " + plan.acquisition().id() + " " + jobs);
          nanos.addAndGet(2_000_000_000L);
          if (clientFailure != null) {
            throw clientFailure;
          }
        }

        @Override
        public RepeatMetrics warmWorker(ScenarioPlan workerPlan) {
          steps.add("worker " + workerPlan.scenario().strategy().id());
          workerPlans.add(workerPlan);
          nanos.addAndGet(500_000_000L);
          compileMillis.addAndGet(
              compilePerRound.size() > 1 ? compilePerRound.remove(0) : compilePerRound.get(0));
          return RepeatMetrics.builder(0).status(workerStatus).error("1 of 250 did").build();
        }
      };

  private static ScenarioPlan plan(StrategyKind strategy, TransportKind transport) {
    return ScenarioPlan.of(
        ScenarioWarningsTest.scenario().strategy(strategy).transport(transport).build());
  }

  @Test
  void shouldWarmTheClientAndTheWorkerOnceEachWhenTheSameKindRunsTwice() {
    // given
    EngineWarmup warmup = new EngineWarmup(new Warmup(40), nanos::get);
    ScenarioPlan plan = plan(StrategyKind.THREAD, TransportKind.REST);

    // when
    WarmupOutcome first = warmup.before(plan, recording);
    WarmupOutcome second = warmup.before(plan, recording);

    // then
    assertThat(steps).containsExactly("client rest job-worker 40", "worker thread");
    assertThat(first).isEqualTo(new WarmupOutcome(2.5, null));
    assertThat(second).isEqualTo(WarmupOutcome.none());
  }

  @Test
  void shouldWarmOnlyTheNewPartWhenTheStrategyOrTheTransportChanges() {
    // given
    EngineWarmup warmup = new EngineWarmup(new Warmup(40), nanos::get);

    // when
    warmup.before(plan(StrategyKind.THREAD, TransportKind.REST), recording);
    warmup.before(plan(StrategyKind.VIRTUAL, TransportKind.REST), recording);
    warmup.before(plan(StrategyKind.VIRTUAL, TransportKind.GRPC_STREAM), recording);
    warmup.before(plan(StrategyKind.PROCESS, TransportKind.GRPC_POLL), recording);

    // then: a process strategy's worker is not warmed (its children start outside the window)
    assertThat(steps)
        .containsExactly(
            "client rest job-worker 40",
            "worker thread",
            "worker virtual",
            "client grpc-stream job-worker 40",
            "worker virtual",
            "client grpc-poll job-worker 40");
  }

  @Test
  void shouldDoNothingWhenTheWarmupIsOff() {
    // given
    EngineWarmup warmup = new EngineWarmup(Warmup.none(), nanos::get);

    // when
    WarmupOutcome outcome = warmup.before(plan(StrategyKind.THREAD, TransportKind.REST), recording);

    // then
    assertThat(outcome).isEqualTo(WarmupOutcome.none());
    assertThat(steps).isEmpty();
  }

  @Test
  void shouldWarnAndGoOnWithoutTryingAgainWhenTheWorkerWarmupFails() {
    // given
    EngineWarmup warmup = new EngineWarmup(new Warmup(40), nanos::get);
    workerStatus = RunStatus.FAILED;
    ScenarioPlan plan = plan(StrategyKind.THREAD, TransportKind.REST);

    // when
    WarmupOutcome first = warmup.before(plan, recording);
    WarmupOutcome again = warmup.before(plan, recording);

    // then
    assertThat(first.warning())
        .isEqualTo(
            "Expected the warm-up worker to complete its jobs, but 1 of 250 did; the first"
                + " repeat measured a JVM without the warm-up");
    assertThat(first.seconds()).isEqualTo(2.5);
    assertThat(again).isEqualTo(WarmupOutcome.none());
  }

  @Test
  void shouldFailTheScenarioWhenTheEngineCannotBeReachedDuringTheWarmup() {
    // given
    EngineWarmup warmup = new EngineWarmup(new Warmup(40), nanos::get);
    clientFailure = new RepeatFailure("Expected to reach the engine at http://x to deploy");

    // when / then
    assertThatThrownBy(() -> warmup.before(plan(StrategyKind.THREAD, TransportKind.REST), recording))
        .isSameAs(clientFailure);
  }

  @Test
  void shouldWarmAgainWhenForgottenForANewEngine() {
    // given
    EngineWarmup warmup = new EngineWarmup(new Warmup(40), nanos::get);
    ScenarioPlan plan = plan(StrategyKind.THREAD, TransportKind.REST);
    warmup.before(plan, recording);

    // when
    warmup.forget();
    warmup.before(plan, recording);

    // then
    assertThat(steps).hasSize(4);
  }

  @Test
  void shouldRunTheResolvedStrategyOnShortSleepsWhenWarmingAWorker() {
    // given
    EngineWarmup warmup = new EngineWarmup(new Warmup(40), nanos::get);
    ScenarioPlan cpu =
        ScenarioPlan.of(
            ScenarioWarningsTest.scenario()
                .strategy(StrategyKind.AUTO)
                .workloadType(WorkloadKind.CPU)
                .acquisition(AcquisitionKind.DIRECT)
                .timeout(5)
                .build());

    // when
    ScenarioPlan worker = warmup.workerPlan(cpu);

    // then
    assertThat(worker.name()).isEqualTo("warmup");
    assertThat(worker.scenario().strategy()).isEqualTo(StrategyKind.THREAD);
    assertThat(worker.scenario().workloadType()).isEqualTo(WorkloadKind.SLEEP);
    assertThat(worker.numInstances()).isEqualTo(20);
    assertThat(worker.workDuration()).isEqualTo(Duration.ofMillis(1));
    assertThat(worker.acquisition()).isEqualTo(AcquisitionKind.DIRECT);
    assertThat(worker.scenario().repeats()).isEqualTo(1);
    assertThat(worker.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(EngineWarmup.strategy(plan(StrategyKind.AUTO, TransportKind.REST)))
        .as("auto on sleep work")
        .isEqualTo(StrategyKind.VIRTUAL);
  }

  private final AtomicLong collections = new AtomicLong();

  private EngineWarmup jitWatching(Warmup warmup) {
    return new EngineWarmup(
        warmup, nanos::get, compileMillis::get, collections::incrementAndGet, 2);
  }

  /** n = 20,000, c = 1,000, d = 0.1 s: 10,000 jobs per second at the ideal. */
  private static ScenarioPlan busy() {
    return ScenarioPlan.of(
        ScenarioWarningsTest.scenario()
            .strategy(StrategyKind.VIRTUAL)
            .numInstances(20_000)
            .maxConcurrentJobs(1_000)
            .workDuration(0.1)
            .acquisition(AcquisitionKind.DIRECT)
            .transport(TransportKind.GRPC_STREAM)
            .build());
  }

  @Test
  void shouldWarmABusyWorkerInRoundsUntilTheJitCompilesLittleWhenItsRateIsHigh() {
    // given rounds of 0.5 s in which the JIT compiles 400 ms, 300 ms, then 20 ms (4%)
    EngineWarmup warmup = jitWatching(new Warmup(40));
    compilePerRound.clear();
    compilePerRound.addAll(List.of(400L, 300L, 20L));

    // when
    WarmupOutcome outcome = warmup.before(busy(), recording);

    // then three rounds of 5,000 jobs each, the last one quiet
    assertThat(steps)
        .containsExactly(
            "client grpc-stream direct 40", "worker virtual", "worker virtual", "worker virtual");
    assertThat(workerPlans).allSatisfy(p -> assertThat(p.numInstances()).isEqualTo(5_000));
    assertThat(outcome.seconds()).isEqualTo(3.5);
    assertThat(collections).as("heap collected after the rounds").hasValue(1);
  }

  @Test
  void shouldStopWhenTheBudgetIsSpentWhenTheJitNeverQuietsDown() {
    // given every round spends its whole time compiling
    EngineWarmup warmup = jitWatching(new Warmup(40));
    compilePerRound.clear();
    compilePerRound.add(500L);

    // when
    WarmupOutcome outcome = warmup.before(busy(), recording);

    // then
    // rounds of 0.5 s: the one started at 29.5 s is the last
    assertThat(workerPlans).hasSize(60);
    assertThat(outcome.warning()).isNull();
  }

  @Test
  void shouldWarmOnceWhenTheScenarioIsSlowEvenIfTheJitIsBusy() {
    // given 20 jobs at c = 5 of 1 s: 5 jobs per second, while the JIT compiles all the time
    EngineWarmup warmup = jitWatching(new Warmup(40));
    compilePerRound.clear();
    compilePerRound.add(500L);

    // when
    warmup.before(plan(StrategyKind.THREAD, TransportKind.REST), recording);

    // then one round of the standard 20 worker jobs, and no collection
    assertThat(workerPlans)
        .singleElement()
        .satisfies(p -> assertThat(p.numInstances()).isEqualTo(20));
    assertThat(collections).hasValue(0);
  }
}
