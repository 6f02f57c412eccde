package io.github.workerbench.core.worker;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.core.workload.FailureSchedule;
import io.github.workerbench.core.workload.NoOpWorkload;
import io.github.workerbench.core.workload.WorkDurations;
import io.github.workerbench.core.workload.Workload;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Starts the worker a plan describes by composing three parts: a {@link JobSource} (an engine
 * through the client's JobWorker or the harness's direct activation loop, or the engine-free
 * {@link BareFeeder}), an {@link ExecutionStrategy} that owns the concurrency, and a {@link
 * Workload} that does the work. Per-job durations follow {@link
 * WorkDurations} (balanced jitter, fixed seed) and {@code failure_rate} follows {@link
 * FailureSchedule} (fixed seed).
 *
 * <p>Make one factory per run: it holds the CPU calibration, measured on the first cpu scenario
 * (or the first process-strategy scenario, whose children need it) and reused after; the time
 * it took is reported in that worker's {@link RunningWorker#startupTime()}, outside the measured
 * window. Thread-safe.
 */
public final class DefaultWorkerFactory implements WorkerFactory {

  private final CpuCalibration calibration;
  private final int maxChildProcesses;
  private final int cores;
  /** The workload of every plan, or null for the plan's own. */
  private final Workload fixedWorkload;

  /** A factory with its own lazily measured calibration and at most 2 × cores child JVMs. */
  public DefaultWorkerFactory() {
    this(CpuCalibration.lazy(), 2 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * A factory with a given calibration and cap on the process strategy's child JVMs.
   *
   * @throws IllegalArgumentException when {@code maxChildProcesses} is not positive
   */
  public DefaultWorkerFactory(CpuCalibration calibration, int maxChildProcesses) {
    this(calibration, maxChildProcesses, null);
  }

  private DefaultWorkerFactory(
      CpuCalibration calibration, int maxChildProcesses, Workload fixedWorkload) {
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    if (maxChildProcesses <= 0) {
      throw new IllegalArgumentException(
          "max child processes must be greater than 0, but was " + maxChildProcesses);
    }
    this.maxChildProcesses = maxChildProcesses;
    this.cores = Runtime.getRuntime().availableProcessors();
    this.fixedWorkload = fixedWorkload;
  }

  /**
   * A factory whose jobs do no work, whatever their plan's workload ({@link NoOpWorkload}): what
   * such a worker spends is the harness's own path, as {@code bench engine-bench} measures it.
   */
  public static DefaultWorkerFactory withoutWork() {
    return new DefaultWorkerFactory(
        CpuCalibration.lazy(), 2 * Runtime.getRuntime().availableProcessors(), new NoOpWorkload());
  }

  @Override
  public RunningWorker start(WorkerSetup setup) {
    ScenarioPlan plan = setup.plan();
    Duration calibrationBefore = calibration.measuringTime();
    JobExecution execution =
        execution(plan, setup.source().reporter(), setup.observer(), setup.nanoClock());
    ExecutionStrategy strategy = strategy(plan, execution);
    AutoCloseable acquisition;
    try {
      acquisition = setup.source().start(strategy, setup);
    } catch (RuntimeException e) {
      strategy.close();
      throw new BenchmarkException(
          "Expected to start taking jobs of type '" + setup.jobType() + "', but " + e.getMessage(),
          e);
    }
    Duration calibrating = calibration.measuringTime().minus(calibrationBefore);
    Duration startup = strategy.startupTime().plus(calibrating);
    return new Worker(acquisition, strategy, startup);
  }

  /**
   * How a plan's jobs are worked: its workload (measuring the CPU calibration first for cpu
   * work), its balanced durations and its failure schedule, reporting through {@code reporter}.
   */
  private JobExecution execution(
      ScenarioPlan plan, JobReporter reporter, JobObserver observer, LongSupplier nanoClock) {
    WorkloadKind workloadKind = plan.scenario().workloadType();
    if (workloadKind == WorkloadKind.CPU && fixedWorkload == null) {
      calibration.iterationsPerSecond();
    }
    return new JobExecution(
        fixedWorkload != null ? fixedWorkload : Workload.of(workloadKind, calibration),
        reporter,
        observer,
        nanoClock,
        WorkDurations.balanced(
            plan.numInstances(), plan.workDuration(), plan.jitterPct(), WorkDurations.DEFAULT_SEED),
        FailureSchedule.of(plan.failureRate(), FailureSchedule.DEFAULT_SEED));
  }

  /**
   * The plan's strategy working jobs through {@code execution}; the process strategy's child JVMs
   * are ready when this returns.
   *
   * @throws BenchmarkException when the strategy cannot start
   */
  private ExecutionStrategy strategy(ScenarioPlan plan, JobExecution execution) {
    try {
      return newStrategy(plan, execution);
    } catch (BenchmarkException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BenchmarkException(
          "Expected to start the " + plan.scenario().strategy().id() + " strategy, but "
              + e.getMessage(),
          e);
    }
  }

  private ExecutionStrategy newStrategy(ScenarioPlan plan, JobExecution execution) {
    int c = plan.maxConcurrentJobs();
    Duration grace = closeGrace(plan.workDuration());
    return switch (plan.scenario().strategy()) {
      case ASYNC -> new EventLoopStrategy(execution, c, grace);
      case THREAD -> new ThreadPoolStrategy(execution, c, grace);
      case VIRTUAL -> new VirtualThreadStrategy(execution, c, grace);
      case PROCESS ->
          new ProcessPoolStrategy(
              execution,
              plan.scenario().workloadType(),
              Math.min(c, maxChildProcesses),
              calibration,
              grace);
      case AUTO -> new AutoStrategy(execution, c, cores, grace);
    };
  }

  /** Long enough for jobs in work to end and be reported; short enough not to stall a suite. */
  static Duration closeGrace(Duration workDuration) {
    Duration grace = workDuration.multipliedBy(2).plusSeconds(2);
    Duration cap = Duration.ofSeconds(30);
    return grace.compareTo(cap) > 0 ? cap : grace;
  }

  /** The worker: acquisition first to stop, strategy second. */
  private static final class Worker implements RunningWorker {

    private final AutoCloseable acquisition;
    private final ExecutionStrategy strategy;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    Worker(AutoCloseable acquisition, ExecutionStrategy strategy, Duration startupTime) {
      this.acquisition = acquisition;
      this.strategy = strategy;
      this.startupTime = startupTime;
    }

    @Override
    public String resolvedStrategy() {
      return strategy.id();
    }

    @Override
    public Duration startupTime() {
      return startupTime;
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        acquisition.close();
      } catch (Exception e) {
        // stopping acquisition is best effort; the strategy must still release its threads
      } finally {
        strategy.close();
      }
    }
  }
}
