package io.github.workerbench.model.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioResultTest {

  /** A failed result with a reason, a warning, its repeats and an engine it started. */
  private static ScenarioResult failed() {
    return ScenarioResults.result(
        ScenarioPlan.of(ScenarioResults.scenario("s", "p")),
        RunStatus.FAILED,
        Instant.parse("2026-11-27T13:30:00Z"));
  }

  @Test
  void shouldKeepEverythingButTheStatusWhenRecordedWithAnotherStatus() {
    // given: a failed result with a reason, a warning and its repeats
    ScenarioResult failed = failed();

    // when
    ScenarioResult interrupted = failed.withStatus(RunStatus.INTERRUPTED);

    // then
    assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(interrupted)
        .usingRecursiveComparison()
        .ignoringFields("status")
        .isEqualTo(failed);
    assertThat(interrupted.error()).isNotNull();
    assertThat(interrupted.repeats()).isNotEmpty();
  }

  @Test
  void shouldKeepEverythingButTheErrorWhenGivenAnotherError() {
    // given
    ScenarioResult failed = failed();

    // when
    ScenarioResult named = failed.withError(failed.error() + " (the engine's log: x.log)");

    // then
    assertThat(named.error()).isEqualTo("Expected 4 jobs to complete, but 2 did (the engine's log: x.log)");
    assertThat(named).usingRecursiveComparison().ignoringFields("error").isEqualTo(failed);
    assertThat(named.startedEngine()).isTrue();
    assertThat(named.engineStartupSeconds()).isEqualTo(2.5);
  }
}
