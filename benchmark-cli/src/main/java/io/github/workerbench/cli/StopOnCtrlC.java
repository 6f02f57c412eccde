package io.github.workerbench.cli;

import io.github.workerbench.core.run.suite.ScenarioExecutor;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ctrl-C (SIGINT) for a verb that runs scenarios. While installed, a JVM shutdown hook asks the
 * running work to stop (the given action, typically interrupting the running thread) and then
 * holds the JVM's exit until the command calls {@link #close()} — so the interrupted scenario is
 * recorded, the results file saved and the figures printed before the JVM ends, with exit code
 * {@value #EXIT_INTERRUPTED} (the JVM's own code for a SIGINT death).
 *
 * <p>Use: {@code install} (or {@code interruptingWork}, then run each scenario through
 * {@link #interruptible}) before the scenarios run, check {@link #requested()} after each, and
 * {@code close} in a {@code finally} once everything is saved. The hook waits at most
 * {@link #SAVE_WAIT} for that. Thread-safe: the hook runs on its own thread.
 */
final class StopOnCtrlC implements AutoCloseable {

  /** Exit code after Ctrl-C, as a shell reports a SIGINT death (128 + 2). */
  static final int EXIT_INTERRUPTED = 130;

  /** How long the hook waits for the interrupted command to save and print. */
  static final Duration SAVE_WAIT = Duration.ofSeconds(60);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Runnable stop;
  private final Thread hook;
  private volatile boolean requested;
  /** The thread inside {@link #interruptible}, the one a Ctrl-C interrupts; guarded by this. */
  private Thread working;

  private StopOnCtrlC(Runnable stop, String verb) {
    this.stop = stop;
    this.hook = new Thread(this::onShutdown, "bench-" + verb + "-interrupt");
  }

  /** Installs the hook; on Ctrl-C it runs {@code stop}, then waits for {@link #close()}. */
  static StopOnCtrlC install(String verb, Runnable stop) {
    StopOnCtrlC ctrlC = new StopOnCtrlC(stop, verb);
    Runtime.getRuntime().addShutdownHook(ctrlC.hook);
    return ctrlC;
  }

  /**
   * Installs the hook; on Ctrl-C it interrupts the thread running {@link #interruptible} work,
   * if any.
   */
  static StopOnCtrlC interruptingWork(String verb) {
    return install(verb, () -> {});
  }

  /**
   * Runs {@code work} on this thread so that Ctrl-C interrupts it; the interrupt never outlives
   * the work, so saving afterwards is not cut short (an interrupted thread cannot write a file).
   */
  <T> T interruptible(Supplier<T> work) {
    synchronized (this) {
      working = Thread.currentThread();
    }
    try {
      return work.get();
    } finally {
      synchronized (this) {
        working = null;
        Thread.interrupted();
      }
    }
  }

  /**
   * Runs the plans one after another on {@code runner} (a runner's {@code run}), each {@link
   * #interruptible}, until one is interrupted or Ctrl-C arrives, handing each result (a scenario
   * cut short by Ctrl-C recorded as interrupted) to {@code each} before the next starts.
   *
   * @return the results of the scenarios that ran, in order
   */
  List<ScenarioResult> runAll(
      ScenarioExecutor runner, List<ScenarioPlan> plans, Consumer<ScenarioResult> each) {
    List<ScenarioResult> results = new ArrayList<>();
    for (ScenarioPlan plan : plans) {
      if (requested) {
        break;
      }
      ScenarioResult result = recorded(interruptible(() -> runner.execute(plan)));
      results.add(result);
      each.accept(result);
      if (result.status() == RunStatus.INTERRUPTED) {
        break;
      }
    }
    return results;
  }

  /** Whether Ctrl-C arrived: the command must stop running scenarios and exit 130. */
  boolean requested() {
    return requested;
  }

  /**
   * The result as it must be recorded: a scenario cut short by Ctrl-C is {@code interrupted},
   * even when the interrupt surfaced as a failure (e.g. a request the interrupt aborted).
   */
  ScenarioResult recorded(ScenarioResult result) {
    if (!requested || result.status() != RunStatus.FAILED) {
      return result;
    }
    return result.withStatus(RunStatus.INTERRUPTED);
  }

  /** Lets a pending Ctrl-C exit proceed, and removes the hook when no exit is under way. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting (Ctrl-C): the hook is running and has what it waited for.
    }
  }

  private void onShutdown() {
    if (finished.getCount() == 0) {
      return;
    }
    synchronized (this) {
      requested = true;
      if (working != null) {
        working.interrupt();
      }
    }
    stop.run();
    try {
      finished.await(SAVE_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
