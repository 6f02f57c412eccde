package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.core.engine.EngineScope;
import io.github.workerbench.core.run.EngineScopedRunner;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assertions;

/**
 * Runs one scenario as a test: through the factory's {@link EngineScopedRunner}, exactly as
 * {@code bench run} does, then records the result, reports it to Allure and asserts on it.
 *
 * <p>The test passes only when the scenario succeeded (every job completed within the scaled
 * timeout), and in every repeat jobs_completed equals expected_jobs and peak_in_flight is at most
 * max_concurrent_jobs; with the engine scope {@code scenario}, the scenario must also have
 * started its own engine. A failed scenario fails the test with the scenario's own error as the
 * message, and the engine's log (a container's) is attached. Awaitility bounds the wait by the
 * scaled timeout of every repeat plus an allowance for the engine start and each repeat's deploy,
 * creation and shutdown.
 *
 * <p>Not thread-safe: one scenario at a time, from the test thread.
 */
final class ScenarioTestRun {

  /** The lines of log kept for a failed scenario. */
  static final int LOG_TAIL_LINES = 200;

  /** Deploy, instance creation and worker shutdown of one repeat, beyond its timeout. */
  private static final Duration REPEAT_ALLOWANCE = Duration.ofSeconds(30);

  private final EngineScopedRunner runner;
  private final ExecutorService thread;
  private final ResultsRecorder results;
  private final EngineLogAttachment engineLog;
  private final String source;
  private final String tag;
  private final Duration engineAllowance;

  ScenarioTestRun(
      EngineScopedRunner runner,
      ExecutorService thread,
      ResultsRecorder results,
      EngineLogAttachment engineLog,
      String source,
      String tag,
      Duration engineAllowance) {
    this.runner = runner;
    this.thread = thread;
    this.results = results;
    this.engineLog = engineLog;
    this.source = source;
    this.tag = tag;
    this.engineAllowance = engineAllowance;
  }

  void run(ScenarioPlan plan) throws InterruptedException {
    AllureScenarioReport.describe(plan, tag);
    engineLog.clear();
    LogTail log = LogTail.attach(LOG_TAIL_LINES);
    try {
      ScenarioResult result = runToEnd(plan);
      log.detach();
      ObjectNode written = results.record(source, result);
      AllureScenarioReport.attachResult(result, written);
      check(plan, result, runner.scope());
    } catch (AssertionError | ConditionTimeoutException e) {
      log.detach();
      AllureScenarioReport.attachLogTail(log.text());
      engineLog.attachKept();
      throw e;
    } finally {
      log.detach();
    }
  }

  private ScenarioResult runToEnd(ScenarioPlan plan) throws InterruptedException {
    Duration limit =
        plan.timeout()
            .plus(REPEAT_ALLOWANCE)
            .multipliedBy(plan.scenario().repeats())
            .plus(engineAllowance);
    Future<ScenarioResult> future = thread.submit(() -> runner.run(plan));
    try {
      await("scenario '" + plan.name() + "' to finish")
          .atMost(limit)
          .pollDelay(Duration.ofMillis(10))
          .pollInterval(Duration.ofMillis(100))
          .until(future::isDone);
    } catch (ConditionTimeoutException e) {
      // The runner records an interrupted scenario; wait for that so the next one starts clean.
      future.cancel(true);
      throw e;
    }
    try {
      return future.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(
          "Expected scenario '" + plan.name() + "' to run, but the runner threw " + e.getCause(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("Expected scenario '" + plan.name() + "' to have finished", e);
    }
  }

  private static void check(ScenarioPlan plan, ScenarioResult result, EngineScope scope) {
    if (result.status() != RunStatus.SUCCESS) {
      Assertions.fail(result.error() != null ? result.error() : "scenario " + result.status().id());
    }
    if (scope == EngineScope.SCENARIO) {
      assertThat(result.startedEngine())
          .as("'%s' started its own engine (engine scope scenario)", plan.name())
          .isTrue();
    }
    assertThat(result.repeats())
        .as("repeats of '%s'", plan.name())
        .hasSize(plan.scenario().repeats());
    for (RepeatMetrics repeat : result.repeats()) {
      assertThat(repeat.jobsCompleted())
          .as("jobs_completed of repeat %d of '%s' (none lost)", repeat.repeat(), plan.name())
          .isEqualTo(repeat.expectedJobs())
          .isEqualTo(plan.numInstances());
      assertThat(repeat.peakInFlight())
          .as("peak_in_flight of repeat %d of '%s'", repeat.repeat(), plan.name())
          .isLessThanOrEqualTo(plan.maxConcurrentJobs());
    }
  }
}
