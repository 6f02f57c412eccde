package io.github.workerbench.cli;

import io.github.workerbench.core.run.suite.SuiteListener;
import io.github.workerbench.core.run.suite.SuiteOutcome;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a suite's progress on stderr. On a terminal: scenario i of N with its name and the ETA,
 * then a bar of its jobs redrawn in place; otherwise (a pipe, a log file) plain lines only, one
 * when a scenario starts and one when it ends, followed by the scenario's warnings. Job updates come from worker threads, so drawing is
 * synchronized and only happens when the bar changes.
 */
final class RunProgress implements SuiteListener {

  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private int drawnCells = -1;

  RunProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void suiteStarted(int toRun, int resumed, Duration idealTotal) {
    err.printf(
        Locale.ROOT,
        "Running %d scenario(s)%s, ideal time %s%n",
        toRun,
        resumed > 0 ? " (" + resumed + " already done, resumed)" : "",
        human(idealTotal));
    err.flush();
  }

  @Override
  public synchronized void scenarioStarted(int index, int total, ScenarioPlan plan, Duration eta) {
    err.printf(
        Locale.ROOT, "[%d/%d] %s (ETA %s)%n", index, total, plan.name(), human(eta));
    err.flush();
    drawnCells = -1;
  }

  @Override
  public void jobsCompleted(long completed, long expected) {
    if (!terminal || expected <= 0) {
      return;
    }
    int cells = (int) Math.min(BAR_WIDTH, completed * BAR_WIDTH / expected);
    synchronized (this) {
      if (cells == drawnCells) {
        return;
      }
      drawnCells = cells;
      err.printf(
          Locale.ROOT,
          "\r  [%s%s] %d/%d jobs",
          "#".repeat(cells),
          ".".repeat(BAR_WIDTH - cells),
          completed,
          expected);
      err.flush();
    }
  }

  @Override
  public synchronized void scenarioFinished(int index, int total, ScenarioResult result) {
    if (terminal && drawnCells >= 0) {
      err.print("\r" + " ".repeat(BAR_WIDTH + 30) + "\r");
    }
    err.printf(
        Locale.ROOT,
        "  %s in %s%s%n",
        result.status().id(),
        human(Duration.ofMillis(Math.round(result.elapsedSeconds() * 1000))),
        result.status() == RunStatus.SUCCESS || result.error() == null
            ? ""
            : ": " + result.error());
    // A flagged scenario (a timeout that cannot fit, jobs that time out, measured faults) still
    // ran: the flags explain its figures, so they are shown, not only saved.
    for (String warning : result.warnings()) {
      err.println("  warning: " + warning);
    }
    err.flush();
  }

  @Override
  public synchronized void suiteFinished(SuiteOutcome outcome) {
    if (outcome.interrupted()) {
      err.println("Interrupted: the results so far are saved.");
    }
    if (outcome.anyFailed()) {
      err.println("Failed scenarios: " + String.join(", ", outcome.failedNames()));
    }
    if (outcome.notRun() > 0 && !outcome.interrupted()) {
      err.println(
          outcome.notRun()
              + " scenario(s) not run after the failure; use --continue-on-error to run them"
              + " anyway, or --resume to go on from here");
    }
    err.flush();
  }

  /** A duration as {@code 1 h 02 min 03 s}, {@code 2 min 03 s} or {@code 4.2 s}. */
  static String human(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 3600) {
      return String.format(
          Locale.ROOT, "%d h %02d min %02d s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
    if (seconds >= 60) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
