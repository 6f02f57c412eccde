package io.github.workerbench.tests;

import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.core.run.EngineLogSink;
import io.qameta.allure.Allure;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A failed scenario's engine log as an Allure attachment: the runner's thread hands the lines
 * over ({@link #keep}), the test's thread attaches them ({@link #attachKept()}), since Allure
 * attaches to the test case of the calling thread.
 *
 * <p>Thread-safe.
 */
final class EngineLogAttachment implements EngineLogSink {

  /** The attachment's name, as the scenario's error gives it. */
  static final String NAME = "engine log (tail)";

  private final AtomicReference<String> kept = new AtomicReference<>();

  @Override
  public String keep(ScenarioResult failed, List<String> lines) {
    kept.set(String.join("\n", lines) + "\n");
    return "the engine's last " + lines.size() + " log lines are attached to the test as '" + NAME + "'";
  }

  /** Attaches what {@link #keep} kept to the calling thread's test, once; whether it did. */
  boolean attachKept() {
    String text = kept.getAndSet(null);
    if (text == null) {
      return false;
    }
    Allure.addAttachment(NAME, "text/plain", text, ".log");
    return true;
  }

  /** Drops what was kept, so a scenario never shows the engine log of an earlier one. */
  void clear() {
    kept.set(null);
  }
}
