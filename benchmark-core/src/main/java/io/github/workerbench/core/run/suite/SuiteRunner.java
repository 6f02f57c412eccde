package io.github.workerbench.core.run.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.result.EngineSetup;
import io.github.workerbench.model.result.ResultsContent;
import io.github.workerbench.model.result.ResultsFile;
import io.github.workerbench.model.result.ResultsHeader;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a suite: scenarios in order through a {@link ScenarioExecutor}, saving the results file
 * after each one.
 *
 * <p>Algorithm: select ({@code --phase}, then {@code --limit}); with {@code --resume}, read the
 * results file and skip every selected scenario it holds as {@code success} (failed and interrupted
 * ones run again and replace theirs); then, for each scenario, build its plan at the duration
 * scale, execute it, and rewrite the whole file atomically. The file lists the selected scenarios
 * in order, followed by results of other scenarios it already held (a resumed file never loses a
 * measurement). A failure stops the suite unless {@code continueOnError}; an {@code interrupted}
 * result, or a {@link #requestStop()}, stops it at once. An executor that throws is recorded as a
 * failed scenario, never aborts the suite.
 *
 * <p>Bad input ({@code --phase} matching nothing, a results file for {@code --resume} that is not
 * ours or a different duration scale) is detected by {@link #prepare} before anything runs or is
 * written.
 *
 * <p>One run at a time; {@link #requestStop()} may be called from any thread (a shutdown hook).
 */
public final class SuiteRunner {

  private final ScenarioExecutor executor;
  private final ResultsFile resultsFile;
  private final SuiteListener listener;
  private final Clock clock;
  private final int cores;
  private final JobProgress progress;
  private volatile boolean stopRequested;
  private volatile Thread runningThread;

  /**
   * A runner.
   *
   * @param cores available processors, for ideal times in ETAs
   */
  public SuiteRunner(
      ScenarioExecutor executor,
      ResultsFile resultsFile,
      SuiteListener listener,
      Clock clock,
      int cores) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.resultsFile = Objects.requireNonNull(resultsFile, "resultsFile");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cores = Math.max(1, cores);
    this.progress = new JobProgress(listener);
  }

  /** A runner on the system clock and this machine's processors. */
  public SuiteRunner(ScenarioExecutor executor, ResultsFile resultsFile, SuiteListener listener) {
    this(
        executor,
        resultsFile,
        listener,
        Clock.systemUTC(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The observer to give the executor's worker so the listener hears job completions (the progress
   * bar). It counts the running scenario's completions.
   */
  public JobObserver jobObserver() {
    return progress;
  }

  /**
   * Checks the selection and the results file to resume, writing nothing.
   *
   * @param source how messages name the scenario source (the file as the user named it)
   * @throws IllegalArgumentException for bad input, naming the file and option at fault
   */
  public Prepared prepare(List<Scenario> scenarios, String source, SuiteOptions options) {
    List<Scenario> selected = SuiteSelection.select(scenarios, options, source);
    List<ObjectNode> previous = List.of();
    if (options.resume() && resultsFile.exists()) {
      ResultsContent content = resultsFile.read();
      double written = content.header().durationScale();
      if (Math.abs(written - options.durationScale()) > 1e-9 * Math.max(1, written)) {
        throw new IllegalArgumentException(
            resultsFile.path()
                + ": written with --duration-scale "
                + written
                + ", but this run uses "
                + options.durationScale()
                + "; resume with the same scale or choose another --output");
      }
      previous = content.results();
    }
    return new Prepared(selected, previous, source, options);
  }

  /** Stops the running suite: the running scenario is interrupted and recorded so. */
  public void requestStop() {
    stopRequested = true;
    Thread thread = runningThread;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /**
   * Validates ({@link #prepare}) and runs.
   *
   * @param engine the engine kind, recorded in the file
   * @throws IllegalArgumentException for bad input, before anything runs
   * @throws java.io.UncheckedIOException when the results file cannot be saved
   */
  public SuiteOutcome run(
      List<Scenario> scenarios, String source, String engine, SuiteOptions options) {
    return run(prepare(scenarios, source, options), engine);
  }

  /**
   * Runs a prepared suite.
   *
   * @throws java.io.UncheckedIOException when the results file cannot be saved
   */
  public SuiteOutcome run(Prepared prepared, String engine) {
    return run(prepared, engine, EngineSetup.unknown());
  }

  /**
   * Runs a prepared suite, recording the engine's kind and set-up in the file's header.
   *
   * @throws java.io.UncheckedIOException when the results file cannot be saved
   */
  public SuiteOutcome run(Prepared prepared, String engine, EngineSetup engineSetup) {
    runningThread = Thread.currentThread();
    try {
      return runPrepared(prepared, engine, engineSetup);
    } finally {
      runningThread = null;
      // A stop that arrives after the last scenario must not leak into the caller's thread.
      Thread.interrupted();
    }
  }

  private SuiteOutcome runPrepared(Prepared prepared, String engine, EngineSetup engineSetup) {
    Instant started = clock.instant();
    SuiteOptions options = prepared.options();
    ResultsHeader header =
        new ResultsHeader(
            started, prepared.source(), engine, options.durationScale(), engineSetup);

    Map<String, ObjectNode> saved = new LinkedHashMap<>();
    prepared.previous().forEach(node -> saved.put(node.get("name").asText(), node));
    List<Scenario> toRun = new ArrayList<>();
    for (Scenario scenario : prepared.selected()) {
      ObjectNode earlier = saved.get(scenario.name());
      if (earlier == null || !RunStatus.SUCCESS.id().equals(earlier.path("status").asText())) {
        toRun.add(scenario);
      }
    }
    int resumed = prepared.selected().size() - toRun.size();

    List<ScenarioPlan> plans =
        toRun.stream().map(s -> ScenarioPlan.of(s, options.durationScale())).toList();
    Duration idealLeft =
        plans.stream()
            .map(p -> IdealTime.allRepeats(p, cores))
            .reduce(Duration.ZERO, Duration::plus);
    listener.suiteStarted(plans.size(), resumed, idealLeft);

    List<ScenarioResult> results = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    boolean interrupted = false;
    Duration idealDone = Duration.ZERO;
    Duration actualDone = Duration.ZERO;
    int index = 0;
    for (ScenarioPlan plan : plans) {
      markStopIfInterrupted();
      if (stopRequested) {
        interrupted = true;
        break;
      }
      index++;
      Duration ideal = IdealTime.allRepeats(plan, cores);
      listener.scenarioStarted(index, plans.size(), plan, eta(idealLeft, idealDone, actualDone));
      progress.reset((long) plan.numInstances() * plan.scenario().repeats());

      Instant scenarioStart = clock.instant();
      ScenarioResult result = execute(plan, scenarioStart);
      results.add(result);
      saved.put(plan.name(), ResultsFile.toNode(result));
      List<ObjectNode> fileResults = ordered(prepared.selected(), saved);
      resultsFile.write(header, fileResults);
      listener.scenarioFinished(index, plans.size(), result);

      idealLeft = idealLeft.minus(ideal);
      idealDone = idealDone.plus(ideal);
      actualDone = actualDone.plus(Duration.between(scenarioStart, clock.instant()));
      if (result.status() == RunStatus.INTERRUPTED) {
        failed.add(result.name());
        interrupted = true;
        break;
      }
      if (result.status() != RunStatus.SUCCESS) {
        failed.add(result.name());
        if (!options.continueOnError()) {
          break;
        }
      }
    }
    if (results.isEmpty() && !interrupted) {
      // Nothing ran (everything resumed): the file still reflects this selection and header.
      resultsFile.write(header, ordered(prepared.selected(), saved));
    }
    SuiteOutcome outcome =
        new SuiteOutcome(
            results,
            failed,
            resumed,
            plans.size() - results.size(),
            interrupted,
            Duration.between(started, clock.instant()),
            ordered(prepared.selected(), saved));
    listener.suiteFinished(outcome);
    return outcome;
  }

  private ScenarioResult execute(ScenarioPlan plan, Instant start) {
    ScenarioResult result;
    try {
      result = executor.execute(plan);
      Objects.requireNonNull(result, "the executor returned no result");
    } catch (RuntimeException e) {
      markStopIfInterrupted();
      String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      RunStatus status = stopRequested ? RunStatus.INTERRUPTED : RunStatus.FAILED;
      return withoutRepeats(plan, status, reason, start);
    }
    markStopIfInterrupted();
    if (stopRequested && result.status() == RunStatus.FAILED) {
      // The failure is the stop's doing (the interrupt cut the scenario short).
      return result.withStatus(RunStatus.INTERRUPTED);
    }
    return result;
  }

  /**
   * Clears the interrupt and turns it into a stop request, so the flag does not outlive the
   * scenario it stopped and cut short the saving of the results file that follows.
   */
  private void markStopIfInterrupted() {
    if (Thread.interrupted()) {
      stopRequested = true;
    }
  }

  private ScenarioResult withoutRepeats(
      ScenarioPlan plan, RunStatus status, String reason, Instant start) {
    Instant now = clock.instant();
    return new ScenarioResult(
        plan,
        status,
        reason,
        List.of(),
        Duration.between(start, now).toNanos() / 1e9,
        now,
        plan.scenario().strategy().id(),
        cores,
        0,
        0,
        List.of());
  }

  private static Duration eta(Duration idealLeft, Duration idealDone, Duration actualDone) {
    if (idealDone.isZero() || actualDone.isZero()) {
      return idealLeft;
    }
    double ratio = (double) actualDone.toNanos() / idealDone.toNanos();
    return Duration.ofNanos(Math.round(idealLeft.toNanos() * ratio));
  }

  private static List<ObjectNode> ordered(List<Scenario> selected, Map<String, ObjectNode> saved) {
    List<ObjectNode> ordered = new ArrayList<>(saved.size());
    Set<String> names = new LinkedHashSet<>();
    for (Scenario scenario : selected) {
      names.add(scenario.name());
      ObjectNode node = saved.get(scenario.name());
      if (node != null) {
        ordered.add(node);
      }
    }
    saved.forEach(
        (name, node) -> {
          if (!names.contains(name)) {
            ordered.add(node);
          }
        });
    return ordered;
  }

  /**
   * A validated suite, ready to run: the selection and the results kept from the file.
   *
   * @param previous the results file's results when resuming, else empty
   */
  public record Prepared(
      List<Scenario> selected, List<ObjectNode> previous, String source, SuiteOptions options) {

    public Prepared {
      selected = List.copyOf(selected);
      previous = List.copyOf(previous);
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(options, "options");
    }
  }
}
