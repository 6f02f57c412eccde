package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;

/** Checks on a scenario's result shared by the tests that run scenarios. */
public final class RunResults {

  private RunResults() {}

  /**
   * The first repeat of a scenario that must have succeeded: fails the test with the scenario's
   * error as the description otherwise.
   */
  public static RepeatMetrics successfulRepeat(ScenarioResult result) {
    assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo(RunStatus.SUCCESS);
    return result.repeats().get(0);
  }
}
