package io.github.workerbench.core.run;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.metrics.HeapCollection;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.result.RunStatus;
import io.github.workerbench.model.scenario.AcquisitionKind;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.TransportKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides and times the unmeasured work before a scenario on an engine ({@link Warmup}): before
 * the first scenario of each transport and acquisition, jobs through the client; before the first
 * scenario of each strategy there, a repeat of that strategy's own worker with 1 ms sleeps (not for
 * {@code process}, whose child JVMs start outside the window anyway). Each kind is tried once per
 * engine, whatever the outcome; {@link #forget()} starts over for a new engine.
 *
 * <p>A scenario whose ideal rate is {@value Warmup#BUSY_JOBS_PER_SECOND} jobs per second or more
 * puts the harness's own path on the critical path: there a JIT still compiling it would take a
 * core from the window (measured: the optimizing compiler took 60% of a first repeat's CPU at
 * 10,000 jobs per second after the standard warm-up). Its worker is warmed in rounds of {@link
 * Warmup#BUSY_ROUND_JOBS} jobs until a round in which the JIT compiled for less than {@value
 * Warmup#QUIET_COMPILE_SHARE} of the round's time (so the path runs compiled), for at most {@link
 * Warmup#BUSY_BUDGET} (on 2 cores under other load the JIT needed about 15 s of rounds to get
 * there), and the heap is collected after them; the JIT's accumulated compile time and the
 * collection are given to the constructor, so tests drive them by hand.
 *
 * <p>A warm-up that fails or does not finish is a warning (the first repeat then measured a colder
 * JVM) and the scenario goes on; an engine that cannot be reached ({@link RepeatFailure}) fails
 * the scenario here, as a repeat's deploy would. The work itself is the driver's ({@link Steps}).
 * Not thread-safe.
 */
final class EngineWarmup {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final Warmup warmup;
  private final LongSupplier nanoClock;
  private final LongSupplier compileMillis;
  private final Runnable collectHeap;
  private final int cores;
  /** The transports and acquisitions (strategy null) and their strategies warmed on the engine. */
  private final Set<Key> warmed = new HashSet<>();

  /**
   * A warm-up reading the JIT's compile time from the platform; it collects the heap and waits for
   * the memory to leave the resident set ({@link HeapCollection#platform()}).
   */
  EngineWarmup(Warmup warmup, LongSupplier nanoClock) {
    this(
        warmup,
        nanoClock,
        EngineWarmup::platformCompileMillis,
        HeapCollection.platform(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * A warm-up.
   *
   * @param compileMillis the JIT's accumulated compile time in milliseconds (0 where the platform
   *     does not say: then one round suffices)
   * @param collectHeap collects the heap after a busy scenario's rounds
   * @param cores the cores the ideal rate of cpu work is computed for
   */
  EngineWarmup(
      Warmup warmup,
      LongSupplier nanoClock,
      LongSupplier compileMillis,
      Runnable collectHeap,
      int cores) {
    this.warmup = Objects.requireNonNull(warmup, "warmup");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.compileMillis = Objects.requireNonNull(compileMillis, "compileMillis");
    this.collectHeap = Objects.requireNonNull(collectHeap, "collectHeap");
    this.cores = cores;
  }

  /** The warm-up work, done against the engine by the driver. */
  interface Steps {

    /** Creates and completes {@code jobs} instances through the plan's client, unmeasured. */
    void warmClient(ScenarioPlan plan, int jobs) throws InterruptedException;

    /** Runs one unmeasured repeat of {@code workerPlan} (derived by {@link #workerPlan}). */
    RepeatMetrics warmWorker(ScenarioPlan workerPlan);
  }

  /**
   * Warms up what the engine has not seen yet before {@code plan}.
   *
   * @throws RepeatFailure when the engine cannot be reached
   */
  WarmupOutcome before(ScenarioPlan plan, Steps steps) {
    if (!warmup.enabled()) {
      return WarmupOutcome.none();
    }
    StrategyKind strategy = strategy(plan);
    boolean warmClient = warmed.add(new Key(plan.transport(), plan.acquisition(), null, null));
    boolean warmWorker =
        strategy != StrategyKind.PROCESS
            && warmup.workerJobs() > 0
            && warmed.add(new Key(plan.transport(), plan.acquisition(), strategy, warmupWork(plan)));
    if (!warmClient && !warmWorker) {
      return WarmupOutcome.none();
    }
    long start = nanoClock.getAsLong();
    String warning = null;
    try {
      if (warmClient) {
        steps.warmClient(plan, warmup.jobs());
      }
      if (warmWorker) {
        warmWorker(plan, steps);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RepeatFailure e) {
      throw e;
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        warning = e.getMessage() + "; the first repeat measured a JVM without the warm-up";
        LOG.warn("Before '{}': {}", plan.name(), warning);
      }
    }
    double seconds = (nanoClock.getAsLong() - start) / 1e9;
    LOG.debug("Warmed up {} {} {} in {} s", plan.transport(), plan.acquisition(), strategy, seconds);
    return new WarmupOutcome(seconds, warning);
  }

  /**
   * The worker's rounds: one, or for a busy plan until the JIT has caught up with its path; then
   * the busy rounds' garbage is collected, so the first window neither collects it nor starts on
   * the heap the rounds grew.
   */
  private void warmWorker(ScenarioPlan plan, Steps steps) {
    if (!warmup.busy(plan, cores)) {
      warmRounds(plan, steps, workerPlan(plan), 0);
      return;
    }
    try {
      warmRounds(
          plan, steps, workerPlan(plan, warmup.busyRoundJobs(plan)), Warmup.BUSY_BUDGET.toNanos());
    } finally {
      collectHeap.run();
    }
  }

  /** Rounds until one is quiet or {@code budgetNanos} have passed; always at least one. */
  private void warmRounds(ScenarioPlan plan, Steps steps, ScenarioPlan round, long budgetNanos) {
    long begin = nanoClock.getAsLong();
    for (int i = 1; ; i++) {
      long compiledBefore = compileMillis.getAsLong();
      long start = nanoClock.getAsLong();
      RepeatMetrics worker = steps.warmWorker(round);
      if (worker.status() != RunStatus.SUCCESS) {
        throw new BenchmarkException(
            "Expected the warm-up worker to complete its jobs, but " + worker.error());
      }
      double elapsedMillis = (nanoClock.getAsLong() - start) / 1e6;
      double compiling = (compileMillis.getAsLong() - compiledBefore) / Math.max(1, elapsedMillis);
      LOG.debug(
          "Warm-up round {} of {}: the JIT compiled {} of the time", i, plan.name(), compiling);
      if (compiling < Warmup.QUIET_COMPILE_SHARE || nanoClock.getAsLong() - begin >= budgetNanos) {
        return;
      }
    }
  }

  /** Forgets what was warmed: the next scenarios meet a new engine. */
  void forget() {
    warmed.clear();
  }

  /**
   * The strategy a warm-up worker runs: the plan's, with {@code auto} resolved as it will be for
   * the plan's workload (cpu → thread, else virtual), since the warm-up's own work is a sleep.
   */
  static StrategyKind strategy(ScenarioPlan plan) {
    StrategyKind strategy = plan.scenario().strategy();
    if (strategy != StrategyKind.AUTO) {
      return strategy;
    }
    return plan.scenario().workloadType() == WorkloadKind.CPU
        ? StrategyKind.THREAD
        : StrategyKind.VIRTUAL;
  }

  /**
   * The plan's worker with 1 ms sleeps as work (1 ms downstream calls for {@code http} work, so
   * the HTTP client's code is compiled too), {@link Warmup#workerJobs()} of them, once. A user's
   * handler is left out: its work is its own, and may reach real systems.
   */
  ScenarioPlan workerPlan(ScenarioPlan plan) {
    return workerPlan(plan, warmup.workerJobs());
  }

  /** The plan's worker with 1 ms sleeps as work, {@code jobs} of them, once. */
  ScenarioPlan workerPlan(ScenarioPlan plan, int jobs) {
    return ScenarioPlan.of(
        plan.scenario().toBuilder()
            .name("warmup")
            .strategy(strategy(plan))
            .numInstances(jobs)
            .workloadType(warmupWork(plan))
            .workDuration(0.001)
            .jitterPct(0.0)
            .failureRate(0.0)
            // the harness's own work warms the worker: a user's handler is not run unmeasured
            .handler(null)
            .handlerClasspath(null)
            .variables(null)
            .repeats(1)
            .timeout(Math.max(60, plan.timeout().toNanos() / 1e9))
            .build());
  }

  /** The JIT's accumulated compile time, or 0 where the platform does not measure it. */
  private static long platformCompileMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private static WorkloadKind warmupWork(ScenarioPlan plan) {
    return plan.scenario().workloadType() == WorkloadKind.HTTP ? WorkloadKind.HTTP : WorkloadKind.SLEEP;
  }

  /** What one warm-up covers: a client's (no strategy) or a strategy's worker and its work. */
  private record Key(
      TransportKind transport, AcquisitionKind acquisition, StrategyKind strategy, WorkloadKind work) {}
}
