package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.handler.HandlerJar;
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
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's own handler, from a jar the test builds from source, run by every strategy that
 * accepts it against the embedded engine: it completes its jobs itself, reading the instances'
 * variables; a handler that throws shows as failed jobs.
 */
class UserHandlerIT {

  @TempDir static Path folder;

  @RegisterExtension static final EmbeddedRunner runner = new EmbeddedRunner();

  private static String jar;

  @BeforeAll
  static void start() throws IOException {
    jar = HandlerJar.build(folder).toString();
  }

  private static Scenario.Builder handled(String handler, StrategyKind strategy) {
    return Scenario.builder()
        .name("handler_" + strategy.id())
        .phase("it")
        .strategy(strategy)
        .workloadType(WorkloadKind.SLEEP)
        .workDuration(0.01)
        .numInstances(20)
        .maxConcurrentJobs(4)
        .repeats(1)
        .timeout(60)
        .jobTimeoutMs(60_000)
        .handler(handler)
        .handlerClasspath(jar)
        .variables("{\"order\": 4711}");
  }

  @ParameterizedTest
  @EnumSource(value = StrategyKind.class, names = {"THREAD", "VIRTUAL", "PROCESS", "AUTO"})
  void shouldCompleteEveryJobWhenABlockingHandlerCompletesThem(StrategyKind strategy) {
    // when
    ScenarioResult result = runner.run(ScenarioPlan.of(handled("acme.CompletingHandler", strategy).build()));

    // then the handler read each instance's variables and completed its job; the harness
    // counted each when the engine acknowledged it
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    assertThat(repeat.jobsCompleted()).isEqualTo(20);
    assertThat(repeat.failedJobs()).isZero();
    assertThat(repeat.diagnosis().slots().workPerRunSeconds()).isGreaterThanOrEqualTo(0.01);
  }

  @Test
  void shouldCountTheHandlersWaitForItsAnswerAsAwaitingCompletionWhenTheEngineIsFarAway() {
    // given a handler that sends its completion and waits for the answer (send().join()), one
    // job at a time, against an engine 25 ms away
    ScenarioPlan plan =
        ScenarioPlan.of(
            handled("acme.CompletingHandler", StrategyKind.THREAD)
                .numInstances(10)
                .maxConcurrentJobs(1)
                .transport(TransportKind.GRPC_POLL)
                .engineLatencyMs(25L)
                .build());

    // when (no warm-up: its jobs would each wait for the 25 ms too)
    ScenarioResult result;
    try (ScenarioRunner far =
        new ScenarioRunner(new EngineRepeatDriver(EmbeddedEngine::new, new DefaultWorkerFactory()))) {
      result = far.run(plan);
    }

    // then its wait for the answer (at least the 25 ms the engine adds) is the completion's round
    // trip, not the handler's work, which ended when it sent the command
    RepeatMetrics repeat = RunResults.successfulRepeat(result);
    SlotUse slots = repeat.diagnosis().slots();
    double completionPerRun = slots.awaitingCompletion() * repeat.totalTimeSeconds() / repeat.jobsCompleted();
    assertThat(completionPerRun).as("awaiting completion per run (s), %s", slots).isGreaterThanOrEqualTo(0.0245);
    assertThat(slots.workPerRunSeconds()).as("work per run (s), %s", slots).isGreaterThanOrEqualTo(0.01);
  }

  @ParameterizedTest
  @EnumSource(value = TransportKind.class, names = {"REST", "GRPC_STREAM"})
  void shouldCompleteEveryJobWhenTheNonBlockingHandlerRunsOnTheEventLoop(TransportKind transport) {
    // when
    ScenarioResult result =
        runner.run(
            ScenarioPlan.of(
                handled("acme.AsyncCompletingHandler", StrategyKind.ASYNC).transport(transport).build()));

    // then
    assertThat(RunResults.successfulRepeat(result).jobsCompleted()).isEqualTo(20);
  }

  @Test
  void shouldCompleteEveryJobWhenDirectActivationFeedsTheHandler() {
    // when
    ScenarioResult result =
        runner.run(
            ScenarioPlan.of(
                handled("acme.CompletingHandler", StrategyKind.VIRTUAL)
                    .acquisition(AcquisitionKind.DIRECT)
                    .build()));

    // then
    assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCESS);
  }

  @ParameterizedTest
  @EnumSource(value = StrategyKind.class, names = {"THREAD", "PROCESS"})
  void shouldCountFailedJobsWhenTheHandlerThrows(StrategyKind strategy) {
    // given 5 jobs of 3 retries each, every run failing
    ScenarioPlan plan =
        ScenarioPlan.of(
            handled("acme.FailingHandler", strategy).numInstances(5).timeout(4).build());

    // when
    ScenarioResult result = runner.run(plan);

    // then every run was a failed job, the last of each an incident; none completed
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    RepeatMetrics repeat = result.repeats().get(0);
    assertThat(repeat.jobsCompleted()).isZero();
    assertThat(repeat.failedJobs()).isEqualTo(15);
    assertThat(repeat.incidents()).isEqualTo(5);
  }

  @Test
  void shouldCompleteEveryJobWhenTheHandlerRunsEngineFree() {
    // given the engine-free floor of a handler scenario (the feeder answers its commands)
    try (ScenarioRunner bare =
        new ScenarioRunner(new BareRepeatDriver(new DefaultWorkerFactory(), Warmup.none(), System::nanoTime))) {
      // when the variables are none (the feeder's jobs carry none), a handler that needs none
      ScenarioResult result =
          bare.run(ScenarioPlan.of(handled("acme.AsyncCompletingHandler", StrategyKind.ASYNC).build()));

      // then
      assertThat(RunResults.successfulRepeat(result).jobsCompleted()).isEqualTo(20);
    }
  }
}
