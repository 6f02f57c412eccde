package io.github.workerbench.core.run;

import io.github.workerbench.core.engine.EmbeddedEngine;
import io.github.workerbench.core.worker.DefaultWorkerFactory;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One scenario runner for a test class, as the harness runs: embedded engines, the default
 * workers and the standard warm-up. A JUnit extension for a static {@code RegisterExtension}
 * field: the runner opens before the class's tests and closes after them.
 */
final class EmbeddedRunner implements BeforeAllCallback, AfterAllCallback {

  private ScenarioRunner runner;

  @Override
  public void beforeAll(ExtensionContext context) {
    runner =
        new ScenarioRunner(
            new EngineRepeatDriver(
                EmbeddedEngine::new, new DefaultWorkerFactory(), Warmup.standard(), System::nanoTime));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    runner.close();
  }

  /** Runs the plan; see {@link ScenarioRunner#run}. */
  ScenarioResult run(ScenarioPlan plan) {
    return runner.run(plan);
  }
}
