package io.github.workerbench.core.worker;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.core.handler.HandlerException;
import io.github.workerbench.core.handler.UserHandler;
import io.github.workerbench.core.workload.AsyncContext;
import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.core.workload.DownstreamService;
import io.github.workerbench.core.workload.HttpWorkload;
import io.github.workerbench.core.workload.FailureSchedule;
import io.github.workerbench.core.workload.NoOpWorkload;
import io.github.workerbench.core.workload.WorkDurations;
import io.github.workerbench.core.workload.Workload;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Starts the worker a plan describes by composing three parts: a {@link JobSource} (an engine
 * through the client's JobWorker or the harness's direct activation loop, or the engine-free
 * {@link BareFeeder}), an {@link ExecutionStrategy} that owns the concurrency, and a {@link
 * Workload} that does the work. Per-job durations follow {@link
 * WorkDurations} (balanced jitter, fixed seed) and {@code failure_rate} follows {@link
 * FailureSchedule} (fixed seed). {@code http} work gets its downstream service and one shared client,
 * started with the worker (their start counts as start-up) and closed after it.
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
    long servicesStart = System.nanoTime();
    Services services = Services.start(plan);
    Duration servicesStartup = Duration.ofNanos(System.nanoTime() - servicesStart);
    ExecutionStrategy strategy;
    AutoCloseable acquisition;
    try {
      JobExecution execution =
          execution(plan, services, setup.source().reporter(), setup.observer(), setup.nanoClock());
      strategy = strategy(plan, execution, services);
      try {
        acquisition = setup.source().start(strategy, setup);
      } catch (RuntimeException e) {
        strategy.close();
        throw new BenchmarkException(
            "Expected to start taking jobs of type '" + setup.jobType() + "', but " + e.getMessage(),
            e);
      }
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    Duration calibrating = calibration.measuringTime().minus(calibrationBefore);
    Duration startup = strategy.startupTime().plus(calibrating).plus(servicesStartup);
    return new Worker(acquisition, strategy, services, startup);
  }

  /**
   * What a plan's work needs beside the worker, started before it and closed after it: the user's
   * handler (loaded from its jar, one instance for the worker), or the {@code http} workload's
   * downstream service and its shared client. Nothing for other work.
   */
  private record Services(DownstreamService downstream, HttpWorkload http, UserHandler handler)
      implements AutoCloseable {

    static Services start(ScenarioPlan plan) {
      if (plan.scenario().handler() != null) {
        UserHandler handler;
        try {
          handler = UserHandler.load(plan.scenario().handler(), plan.scenario().handlerClasspath());
        } catch (HandlerException e) {
          throw new BenchmarkException(e.getMessage(), e);
        }
        try {
          handler.requireRunnableBy(plan.scenario().strategy());
        } catch (HandlerException e) {
          handler.close();
          throw new BenchmarkException(e.getMessage(), e);
        }
        return new Services(null, null, handler);
      }
      if (plan.scenario().workloadType() != WorkloadKind.HTTP) {
        return new Services(null, null, null);
      }
      DownstreamService downstream;
      try {
        downstream = DownstreamService.start();
      } catch (RuntimeException e) {
        throw new BenchmarkException(e.getMessage(), e);
      }
      return new Services(downstream, new HttpWorkload(downstream.uri()), null);
    }

    URI downstreamUri() {
      return downstream == null ? null : downstream.uri();
    }

    @Override
    public void close() {
      if (handler != null) {
        handler.close();
      }
      if (http != null) {
        http.close();
      }
      if (downstream != null) {
        downstream.close();
      }
    }
  }

  /**
   * How a plan's jobs are worked: its workload (measuring the CPU calibration first for cpu
   * work), its balanced durations and its failure schedule, reporting through {@code reporter}.
   */
  private JobExecution execution(
      ScenarioPlan plan,
      Services services,
      JobReporter reporter,
      JobObserver observer,
      LongSupplier nanoClock) {
    WorkloadKind workloadKind = plan.scenario().workloadType();
    if (services.handler() != null) {
      return JobExecution.ofHandler(
          services.handler(), new DeclaredWork(workloadKind), reporter, observer, nanoClock);
    }
    if (workloadKind == WorkloadKind.CPU && fixedWorkload == null) {
      calibration.iterationsPerSecond();
    }
    Workload workload =
        fixedWorkload != null
            ? fixedWorkload
            : services.http() != null ? services.http() : Workload.of(workloadKind, calibration);
    return new JobExecution(
        workload,
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
  private ExecutionStrategy strategy(ScenarioPlan plan, JobExecution execution, Services services) {
    try {
      return newStrategy(plan, execution, services.downstreamUri());
    } catch (BenchmarkException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BenchmarkException(
          "Expected to start the " + plan.scenario().strategy().id() + " strategy, but "
              + e.getMessage(),
          e);
    }
  }

  private ExecutionStrategy newStrategy(ScenarioPlan plan, JobExecution execution, URI downstream) {
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
              downstream,
              grace);
      case AUTO -> new AutoStrategy(execution, c, cores, grace);
    };
  }

  /**
   * The kind of work a user's handler does, as its scenario declares it: it tells {@code auto}
   * what to resolve to; the handler, not this, does the work.
   */
  private record DeclaredWork(WorkloadKind kind) implements Workload {
    @Override
    public void run(Duration duration) {
      throw new IllegalStateException("a user's handler does this job's work");
    }

    @Override
    public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
      return CompletableFuture.failedFuture(new IllegalStateException("a user's handler does this job's work"));
    }
  }

  /** Long enough for jobs in work to end and be reported; short enough not to stall a suite. */
  static Duration closeGrace(Duration workDuration) {
    Duration grace = workDuration.multipliedBy(2).plusSeconds(2);
    Duration cap = Duration.ofSeconds(30);
    return grace.compareTo(cap) > 0 ? cap : grace;
  }

  /** The worker: acquisition first to stop, strategy second, the work's services last. */
  private static final class Worker implements RunningWorker {

    private final AutoCloseable acquisition;
    private final ExecutionStrategy strategy;
    private final Services services;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    Worker(
        AutoCloseable acquisition,
        ExecutionStrategy strategy,
        Services services,
        Duration startupTime) {
      this.acquisition = acquisition;
      this.strategy = strategy;
      this.services = services;
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
    public int maxJobsInWork() {
      return strategy.maxJobsInWork();
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
        try {
          strategy.close();
        } finally {
          services.close();
        }
      }
    }
  }
}
