package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.result.SlotUse;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenarios against the embedded engine answering as a remote cluster: each round trip's latency
 * shows in the figures, back-pressure's refusals are retried and no job is lost.
 */
class ClusterLatencyIT {

  private EmbeddedEngine engine;
  private ScenarioRunner runner;

  @BeforeEach
  void start() {
    engine = new EmbeddedEngine();
    runner =
        new ScenarioRunner(new EngineRepeatDriver(() -> engine, new DefaultWorkerFactory()));
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private static Scenario.Builder scenario(String name) {
    return Scenario.builder()
        .name(name)
        .phase("it")
        .strategy(StrategyKind.THREAD)
        .workloadType(WorkloadKind.SLEEP)
        .workDuration(0.05)
        .repeats(1)
        .timeout(60)
        .jobTimeoutMs(60_000);
  }

  /** Milliseconds per run of this part of the slot time (one slot: c = 1). */
  private static double perRunMillis(RepeatMetrics repeat, double fraction) {
    return fraction * repeat.totalTimeSeconds() * 1e3 / repeat.jobsCompleted();
  }

  @Test
  void shouldShowEachRoundTripsDelayWhenTheEngineIsTwentyFiveMillisecondsAway() {
    // given one job at a time, activated directly over gRPC: each job waits for its activation's
    // answer, works 50 ms, then holds its slot until the completion's answer
    Scenario.Builder sequential =
        scenario("sequential")
            .numInstances(10)
            .maxConcurrentJobs(1)
            .acquisition(AcquisitionKind.DIRECT)
            .transport(TransportKind.GRPC_POLL);

    // when
    RepeatMetrics near =
        RunResults.successfulRepeat(runner.run(ScenarioPlan.of(sequential.name("near").build())));
    RepeatMetrics far =
        RunResults.successfulRepeat(
            runner.run(ScenarioPlan.of(sequential.name("far").engineLatencyMs(25L).build())));

    // then the activation and the completion each take 25 ms more per job (at least: latency is
    // added, never taken; the upper bound allows a loaded machine), and so does the start delay's
    // counterpart, the wait for activation
    SlotUse nearSlots = near.diagnosis().slots();
    SlotUse farSlots = far.diagnosis().slots();
    double completionMoved =
        perRunMillis(far, farSlots.awaitingCompletion()) - perRunMillis(near, nearSlots.awaitingCompletion());
    double activationMoved =
        perRunMillis(far, farSlots.awaitingActivation()) - perRunMillis(near, nearSlots.awaitingActivation());
    // each round trip at 25 ms takes at least 25 ms (the engine's delay is deterministic);
    // against the engine as it is, each moved by about 25 ms: between 10 and 75 here, since the
    // near figures themselves vary by a few milliseconds on a loaded machine
    assertThat(perRunMillis(far, farSlots.awaitingCompletion())).as("completion at 25 ms, %s", farSlots)
        .isGreaterThanOrEqualTo(24.5);
    assertThat(perRunMillis(far, farSlots.awaitingActivation())).as("activation at 25 ms, %s", farSlots)
        .isGreaterThanOrEqualTo(24.5);
    assertThat(completionMoved).as("completion round trip moved (ms), %s vs %s", farSlots, nearSlots).isBetween(10.0, 75.0);
    assertThat(activationMoved).as("activation round trip moved (ms), %s vs %s", farSlots, nearSlots).isBetween(10.0, 75.0);
    // and the latency from creation to completion took both (and the creation's) on top
    assertThat(far.latency().p50Millis() - near.latency().p50Millis()).isGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest
  @EnumSource(value = TransportKind.class, names = {"REST", "GRPC_POLL"})
  void shouldLoseNoJobWhenBackPressureRefusesCommands(TransportKind transport) {
    // given five commands in flight at most, each 20 ms away: creations and activations beyond
    // are refused, completions never
    ScenarioPlan plan =
        ScenarioPlan.of(
            scenario("pressed_" + transport.id())
                .numInstances(40)
                .maxConcurrentJobs(20)
                .transport(transport)
                .engineLatencyMs(20L)
                .engineMaxInflight(5)
                .build());

    // when
    ScenarioResult result = runner.run(plan);

    // then the harness (creations) and the client's JobWorker (activations) retried the refusals
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    assertThat(repeat.jobsCompleted()).isEqualTo(40);
    assertThat(repeat.incidents()).isZero();
    assertThat(engine.refusedCommands()).isPositive();
  }

  @Test
  void shouldFailTheScenarioNamingTheEngineWhenItCannotSimulateTheConditions() {
    // given a remote engine cannot be made slower
    try (ScenarioRunner remote =
        new ScenarioRunner(
            new EngineRepeatDriver(() -> new Unsimulating(engine), new DefaultWorkerFactory()))) {
      // when
      ScenarioResult result =
          remote.run(ScenarioPlan.of(scenario("unsupported").numInstances(1).maxConcurrentJobs(1).engineLatencyMs(5L).build()));

      // then
      assertThat(result.status()).isEqualTo(RunStatus.FAILED);
      assertThat(result.error()).contains("simulated by the embedded engine only").contains("--engine embedded");
    }
  }

  /** An engine as a container or remote one is: it keeps the default refusal to simulate. */
  private static final class Unsimulating extends ForwardingEngine {
    Unsimulating(EmbeddedEngine delegate) {
      super(delegate);
    }

    @Override
    public String toString() {
      return "RemoteEngine[test]";
    }
  }
}
