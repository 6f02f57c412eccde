package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressTest {

  private static final ScenarioPlan PLAN =
      ScenarioPlan.of(
          Scenario.builder()
              .name("smoke_async")
              .numInstances(2)
              .strategy(StrategyKind.ASYNC)
              .workloadType(WorkloadKind.CPU)
              .workDuration(0.5)
              .maxConcurrentJobs(2)
              .repeats(1)
              .timeout(30)
              .jobTimeoutMs(30_000)
              .phase("smoke_test")
              .build());

  private static String show(boolean terminal) {
    return show(terminal, List.of());
  }

  private static String show(boolean terminal, List<String> warnings) {
    StringWriter text = new StringWriter();
    RunProgress progress = new RunProgress(new PrintWriter(text, true), terminal);
    progress.scenarioStarted(1, 3, PLAN, Duration.ofSeconds(75));
    progress.jobsCompleted(1, 2);
    progress.jobsCompleted(1, 2);
    progress.jobsCompleted(2, 2);
    progress.scenarioFinished(
        1,
        3,
        new ScenarioResult(
            PLAN, RunStatus.FAILED, "boom", warnings, 1.5, Instant.EPOCH, "async", 2, 0, 0,
            List.of()));
    return text.toString();
  }

  @Test
  void shouldPrintPlainLinesWithoutBarWhenNotATerminal() {
    assertThat(show(false).lines())
        .containsExactly("[1/3] smoke_async (ETA 1 min 15 s)", "  failed in 1.5 s: boom");
  }

  @Test
  void shouldRedrawTheJobBarInPlaceWhenATerminal() {
    // when
    String shown = show(true);

    // then: one draw per change of the bar, then the line is cleared for the outcome
    assertThat(shown).contains("\r  [###############...............] 1/2 jobs");
    assertThat(shown).containsOnlyOnce("1/2 jobs");
    assertThat(shown).contains("\r  [##############################] 2/2 jobs");
    assertThat(shown).endsWith("  failed in 1.5 s: boom" + System.lineSeparator());
  }

  @Test
  void shouldPrintEveryWarningAfterTheOutcomeWhenTheScenarioWasFlagged() {
    // when
    String shown = show(false, List.of("timeout of 0.1 s cannot fit", "3 redeliveries"));

    // then
    assertThat(shown.lines())
        .containsExactly(
            "[1/3] smoke_async (ETA 1 min 15 s)",
            "  failed in 1.5 s: boom",
            "  warning: timeout of 0.1 s cannot fit",
            "  warning: 3 redeliveries");
  }
}
