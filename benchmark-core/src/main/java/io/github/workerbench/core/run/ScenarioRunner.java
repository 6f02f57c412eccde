package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.engine.EngineStartException;
import io.github.workerbench.core.metrics.ProcessSampler;
import io.github.workerbench.core.metrics.ProcessUsage;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.result.RepeatMetrics;
import io.github.workerbench.core.result.RunStatus;
import io.github.workerbench.core.result.ScenarioResult;
import io.github.workerbench.core.scenario.AcquisitionKind;
import io.github.workerbench.core.scenario.ScenarioPlan;
import io.github.workerbench.core.scenario.StrategyKind;
import io.github.workerbench.core.scenario.TransportKind;
import io.github.workerbench.core.scenario.WorkloadKind;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.core.worker.WorkerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario at a time against an engine and measures it.
 *
 * <p>Per repeat: a fresh process id and job type ({@code wb-<name>-<repeat>-<random>}) isolate
 * it from every other repeat on the same engine; the runner deploys a one-service-task process
 * with 3 job retries, creates every instance concurrently (at most
 * {@value #MAX_CREATIONS_IN_FLIGHT} requests in flight, each instance's creation time taken when
 * its request is issued), starts the worker through the {@link WorkerFactory}, waits until every
 * job completed or the plan's (scaled) timeout passed, takes the figures, and closes the worker.
 * The measured window opens when the worker factory returns (or at the first activation, if
 * earlier); set-up before it is reported as the worker's start-up time.
 *
 * <p><b>Engine lifecycle:</b> the engine is created and started once, at the first scenario,
 * and kept until {@link #close()}; isolation comes from the unique ids, not from a fresh
 * engine, so a suite does not pay an engine start (a container takes a minute) per scenario. If
 * the engine cannot be started or reached, the scenario fails with the reason and the next one
 * tries again. The scenario that starts an engine records how long that took
 * ({@code engine_startup_time}), outside every window; a caller that wants a fresh engine per
 * scenario closes the runner after each.
 *
 * <p>The client of each repeat speaks the plan's transport; with the client's JobWorker and a
 * blocking strategy it runs max_jobs_active handler threads, as a user's blocking worker must.
 *
 * <p>Nothing escapes {@link #run}: an engine that cannot be reached (within
 * {@value #ENGINE_REACH_SECONDS} s per request), an engine that stops mid-scenario (while jobs
 * are outstanding its port is checked every 2 s; two refusals in a row end the repeat, and the
 * next scenario starts the engine afresh), a worker that fails to start, or a timeout
 * make the result {@code failed} with the reason, keeping whatever figures were measured; an
 * interrupt makes it {@code interrupted}. The first failed repeat ends the scenario. Failing
 * handlers are measured (failed jobs, incidents), never fatal.
 *
 * <p>Not thread-safe: run one scenario at a time.
 */
public final class ScenarioRunner implements AutoCloseable {

  /** The most creation requests in flight at once. */
  public static final int MAX_CREATIONS_IN_FLIGHT = 32;

  static final long ENGINE_REACH_SECONDS = 10;

  /** How long {@link #close()} waits for each client still closing in the background. */
  private static final Duration CLIENT_CLOSE_WAIT = Duration.ofSeconds(10);

  /**
   * While jobs are outstanding, how often the engine's port is checked, so an engine that stops
   * mid-scenario fails it within seconds instead of at its timeout.
   */
  static final Duration ENGINE_PROBE_INTERVAL = Duration.ofSeconds(2);

  /** Consecutive failed probes that mean the engine is gone (one may be a hiccup). */
  private static final int ENGINE_PROBE_FAILURES = 2;
  private static final int PROBE_CONNECT_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final Supplier<? extends EngineAdapter> engineFactory;
  private final WorkerFactory workerFactory;
  private final LongSupplier nanoClock;
  private final Clock clock;
  private final RunListener listener;
  private final Warmup warmup;
  private final int cores;
  /** The transports and acquisitions warmed up (or tried) on the current engine. */
  private final Set<WarmupKey> warmed = new HashSet<>();
  private EngineAdapter engine;
  private ClientConfig clientConfig;
  private CamundaClient client;
  private final List<Thread> clientClosers = new ArrayList<>();
  /** Set when a repeat could not reach the engine: the next scenario gets a fresh one. */
  private boolean engineLost;

  /** A runner on the system clocks that reports to no one and does not warm up. */
  public ScenarioRunner(Supplier<? extends EngineAdapter> engineFactory, WorkerFactory workerFactory) {
    this(engineFactory, workerFactory, System::nanoTime, Clock.systemUTC(), RunListener.noop());
  }

  /** A runner that does not warm up; see {@link #ScenarioRunner(Supplier, WorkerFactory, LongSupplier, Clock, RunListener, Warmup)}. */
  public ScenarioRunner(
      Supplier<? extends EngineAdapter> engineFactory,
      WorkerFactory workerFactory,
      LongSupplier nanoClock,
      Clock clock,
      RunListener listener) {
    this(engineFactory, workerFactory, nanoClock, clock, listener, Warmup.none());
  }

  /**
   * A runner.
   *
   * @param engineFactory makes the (not yet started) engine, called at the first scenario and
   *     again after the engine failed to start
   * @param workerFactory starts the worker of each repeat
   * @param nanoClock the clock of every measured time, in nanoseconds
   * @param clock the wall clock for {@code finishedAt}
   * @param listener hears the progress
   * @param warmup the unmeasured work sent before the first scenario of each transport and
   *     acquisition on an engine
   */
  public ScenarioRunner(
      Supplier<? extends EngineAdapter> engineFactory,
      WorkerFactory workerFactory,
      LongSupplier nanoClock,
      Clock clock,
      RunListener listener,
      Warmup warmup) {
    this.engineFactory = Objects.requireNonNull(engineFactory, "engineFactory");
    this.workerFactory = Objects.requireNonNull(workerFactory, "workerFactory");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.warmup = Objects.requireNonNull(warmup, "warmup");
    this.cores = Runtime.getRuntime().availableProcessors();
  }

  /** Runs every repeat of the plan; never throws for a failure of the engine, worker or jobs. */
  public ScenarioResult run(ScenarioPlan plan) {
    long scenarioStart = nanoClock.getAsLong();
    listener.scenarioStarted(plan);
    List<String> warnings = new ArrayList<>(ScenarioWarnings.before(plan, cores));
    List<RepeatMetrics> repeats = new ArrayList<>();
    String resolvedStrategy = plan.scenario().strategy().id();
    double startupSeconds = 0;
    double warmupSeconds = 0;
    double engineStartupSeconds = Double.NaN;
    RunStatus status = RunStatus.SUCCESS;
    String error = null;
    try {
      boolean startsEngine = engine == null;
      long engineStart = nanoClock.getAsLong();
      EngineAdapter current = engine();
      if (startsEngine) {
        engineStartupSeconds = (nanoClock.getAsLong() - engineStart) / 1e9;
      }
      WarmupOutcome warmedUp = warmUp(current, plan);
      warmupSeconds = warmedUp.seconds();
      if (warmedUp.warning() != null) {
        warnings.add(warmedUp.warning());
      }
      for (int repeat = 1; repeat <= plan.scenario().repeats(); repeat++) {
        if (Thread.currentThread().isInterrupted()) {
          status = RunStatus.INTERRUPTED;
          error = "interrupted before repeat " + repeat;
          break;
        }
        listener.repeatStarted(plan, repeat);
        RepeatOutcome outcome = runRepeat(current, plan, repeat);
        repeats.add(outcome.metrics());
        if (outcome.resolvedStrategy() != null) {
          resolvedStrategy = outcome.resolvedStrategy();
        }
        startupSeconds += outcome.startupSeconds();
        listener.repeatFinished(plan, outcome.metrics());
        if (outcome.metrics().status() != RunStatus.SUCCESS) {
          status = outcome.metrics().status();
          error =
              plan.scenario().repeats() == 1
                  ? outcome.metrics().error()
                  : "repeat " + repeat + ": " + outcome.metrics().error();
          break;
        }
      }
    } catch (EngineStartException e) {
      status = RunStatus.FAILED;
      error = e.getMessage();
    } catch (RepeatFailure e) {
      engineLost |= e.engineLost;
      status = RunStatus.FAILED;
      error = e.getMessage();
    }
    if (engineLost) {
      // An engine that stopped is not coming back by itself; the next scenario starts (or, for a
      // remote cluster, checks) it again and fails fast with the reason if it is still gone.
      LOG.warn("Lost the engine during '{}'; the next scenario starts it again", plan.name());
      engineLost = false;
      close();
    }
    warnings.addAll(ScenarioWarnings.after(repeats));
    ScenarioResult result =
        new ScenarioResult(
            plan,
            status,
            error,
            warnings,
            (nanoClock.getAsLong() - scenarioStart) / 1e9,
            clock.instant(),
            resolvedStrategy,
            cores,
            repeats.isEmpty() ? 0 : startupSeconds / repeats.size(),
            warmupSeconds,
            repeats,
            engineStartupSeconds);
    listener.scenarioFinished(result);
    return result;
  }

  /** Stops the engine this runner started, if any; idempotent. */
  @Override
  public void close() {
    discardClient();
    warmed.clear();
    if (engine != null) {
      EngineAdapter stopping = engine;
      engine = null;
      stopping.close();
    }
    // with the engine gone, the clients' open polls end and their closes finish at once
    for (Thread closer : clientClosers) {
      try {
        closer.join(CLIENT_CLOSE_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    clientClosers.clear();
  }

  private EngineAdapter engine() {
    if (engine == null) {
      EngineAdapter candidate = engineFactory.get();
      try {
        candidate.start();
      } catch (RuntimeException e) {
        closeQuietly(candidate);
        if (e instanceof EngineStartException startFailure) {
          throw startFailure;
        }
        throw new EngineStartException(
            "Expected to start the engine " + candidate + ", but " + e.getMessage(), e);
      }
      engine = candidate;
    }
    return engine;
  }

  /**
   * Warms up what this engine has not seen yet (each tried once, whatever the outcome): the
   * plan's transport and acquisition through the client ({@link ClientWarmup}), then the plan's
   * strategy through its own worker (1 ms sleeps; not for {@code process}, whose child JVMs start
   * outside the window anyway). A warm-up that fails or does not finish adds a warning to the
   * result (its first repeat then measured a colder JVM) and the scenario goes on: its own
   * repeats measure, and report, whatever is wrong. An engine that cannot be reached fails the
   * scenario here, as a repeat's deploy would.
   *
   * @throws RepeatFailure when the engine cannot be reached
   */
  private WarmupOutcome warmUp(EngineAdapter engine, ScenarioPlan plan) {
    if (!warmup.enabled()) {
      return new WarmupOutcome(0, null);
    }
    WarmupKey clientKey = new WarmupKey(plan.transport(), plan.acquisition(), null);
    StrategyKind strategy = warmupStrategy(plan);
    WarmupKey workerKey = new WarmupKey(plan.transport(), plan.acquisition(), strategy);
    boolean warmClient = warmed.add(clientKey);
    boolean warmWorker =
        strategy != StrategyKind.PROCESS && warmup.workerJobs() > 0 && warmed.add(workerKey);
    if (!warmClient && !warmWorker) {
      return new WarmupOutcome(0, null);
    }
    long start = nanoClock.getAsLong();
    String warning = null;
    try {
      if (warmClient) {
        CamundaClient warmupClient = client(engine, plan);
        String id = isolationId("warmup", 0);
        deploy(engine, plan, warmupClient, id);
        ScenarioPlan instances =
            ScenarioPlan.of(plan.scenario().toBuilder().numInstances(warmup.jobs()).build());
        new ClientWarmup(warmupClient, plan, id, warmup.jobs())
            .run(
                plan.timeout().plusSeconds(ENGINE_REACH_SECONDS),
                () ->
                    createInstances(
                        engine, instances, warmupClient, id, new RunRecorder(warmup.jobs())));
      }
      if (warmWorker) {
        RepeatMetrics worker = runRepeat(engine, workerWarmupPlan(plan), 0, true).metrics();
        if (worker.status() != RunStatus.SUCCESS) {
          throw new BenchmarkException(
              "Expected the warm-up worker to complete its jobs, but " + worker.error());
        }
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
    LOG.debug("Warmed up {} in {} s", workerKey, seconds);
    return new WarmupOutcome(seconds, warning);
  }

  /**
   * The strategy a warm-up worker runs: the plan's, with {@code auto} resolved as it will be for
   * the plan's workload (cpu → thread, else virtual), since the warm-up's own work is a sleep.
   */
  private static StrategyKind warmupStrategy(ScenarioPlan plan) {
    StrategyKind strategy = plan.scenario().strategy();
    if (strategy != StrategyKind.AUTO) {
      return strategy;
    }
    return plan.scenario().workloadType() == WorkloadKind.CPU
        ? StrategyKind.THREAD
        : StrategyKind.VIRTUAL;
  }

  /** The plan's worker with 1 ms sleeps as work, {@link Warmup#workerJobs()} of them, once. */
  private ScenarioPlan workerWarmupPlan(ScenarioPlan plan) {
    return ScenarioPlan.of(
        plan.scenario().toBuilder()
            .name("warmup")
            .strategy(warmupStrategy(plan))
            .numInstances(warmup.workerJobs())
            .workloadType(WorkloadKind.SLEEP)
            .workDuration(0.001)
            .jitterPct(0.0)
            .failureRate(0.0)
            .repeats(1)
            .timeout(Math.max(60, plan.timeout().toNanos() / 1e9))
            .build());
  }

  private record WarmupOutcome(double seconds, String warning) {}

  private RepeatOutcome runRepeat(EngineAdapter engine, ScenarioPlan plan, int repeat) {
    return runRepeat(engine, plan, repeat, false);
  }

  /** One repeat; a warm-up repeat's worker is unseen by the extra observers of the factory. */
  private RepeatOutcome runRepeat(
      EngineAdapter engine, ScenarioPlan plan, int repeat, boolean warmupRepeat) {
    int jobs = plan.numInstances();
    String id = isolationId(plan.name(), repeat);
    RepeatMetrics.Builder metrics =
        RepeatMetrics.builder(repeat)
            .expectedJobs(jobs)
            .idealTimeSeconds(ScenarioWarnings.idealSeconds(plan, cores));
    RunRecorder recorder = new RunRecorder(jobs);
    ProcessSampler sampler = new ProcessSampler();
    ProcessUsage usage = null;
    RunRecorder.Snapshot snapshot = null;
    String resolvedStrategy = null;
    double startupSeconds = 0;
    long windowStart = -1;
    long waitEnd = -1;
    try {
      CamundaClient client = client(engine, plan);
      deploy(engine, plan, client, id);
      LOG.debug("Repeat {} of '{}': deployed {}", repeat, plan.name(), id);
      sampler.start();
      RunningWorker worker = null;
      try {
        createInstances(engine, plan, client, id, recorder);
        LOG.debug("Repeat {} of '{}': {} instances created", repeat, plan.name(), jobs);
        worker =
            workerFactory.start(
                new WorkerSetup(plan, id, client, recorder, nanoClock, warmupRepeat));
        windowStart = nanoClock.getAsLong();
        resolvedStrategy = worker.resolvedStrategy();
        startupSeconds = worker.startupTime().toNanos() / 1e9;
        if (!awaitAllCompleted(engine, plan, recorder)) {
          metrics
              .status(RunStatus.FAILED)
              .error(
                  String.format(
                      Locale.ROOT,
                      "Expected %d jobs to complete within %s s, but %d did",
                      jobs,
                      seconds(plan.timeout()),
                      recorder.completedCount()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        metrics
            .status(RunStatus.INTERRUPTED)
            .error("interrupted after " + recorder.completedCount() + " of " + jobs + " jobs");
      } finally {
        waitEnd = nanoClock.getAsLong();
        snapshot = recorder.snapshot();
        LOG.debug("Repeat {} of '{}': wait ended, closing the worker", repeat, plan.name());
        if (worker != null) {
          closeWorker(worker);
        }
        usage = sampler.stop();
        LOG.debug("Repeat {} of '{}': worker closed", repeat, plan.name());
      }
    } catch (RepeatFailure e) {
      engineLost |= e.engineLost;
      metrics.status(RunStatus.FAILED).error(e.getMessage());
    } catch (RuntimeException e) {
      discardClient();
      LOG.debug("Repeat {} of '{}' failed", repeat, plan.name(), e);
      metrics
          .status(RunStatus.FAILED)
          .error("Expected to run repeat " + repeat + " of '" + plan.name() + "', but " + e);
    }
    if (snapshot == null) {
      snapshot = recorder.snapshot();
    }
    fill(metrics, snapshot, usage, windowStart, waitEnd, jobs);
    return new RepeatOutcome(metrics.build(), resolvedStrategy, startupSeconds);
  }

  private static void fill(
      RepeatMetrics.Builder metrics,
      RunRecorder.Snapshot snapshot,
      ProcessUsage usage,
      long windowStart,
      long waitEnd,
      int jobs) {
    snapshot.applyTo(metrics);
    if (windowStart >= 0) {
      long start =
          snapshot.firstActivationNanos() >= 0
              ? Math.min(windowStart, snapshot.firstActivationNanos())
              : windowStart;
      long end = snapshot.lastCompletionNanos() >= 0 ? snapshot.lastCompletionNanos() : waitEnd;
      metrics.window(Math.max(0, end - start) / 1e9);
    }
    if (usage != null) {
      usage.applyTo(metrics);
    }
  }

  /**
   * The client for this plan: the previous repeat's when its configuration is the same, else a
   * new one. Closing a REST client waits up to 5 s for its open long polls, so a fresh client per
   * repeat would add seconds of idle time to every repeat. Sharing is safe because each repeat
   * has its own job type and its worker is closed before the next starts.
   */
  private CamundaClient client(EngineAdapter engine, ScenarioPlan plan) {
    ClientConfig wanted = ClientConfig.of(plan);
    if (client == null || !wanted.equals(clientConfig)) {
      discardClient();
      client = newClient(engine, wanted);
      clientConfig = wanted;
    }
    return client;
  }

  /**
   * Closes the current client in the background. A REST client's close waits up to 5 s for its
   * open long poll (the closed worker's last request), which is no part of any scenario; waiting
   * for it here would add those seconds between scenarios whose clients differ.
   */
  private void discardClient() {
    if (client != null) {
      CamundaClient closing = client;
      client = null;
      clientConfig = null;
      clientClosers.removeIf(closer -> !closer.isAlive());
      clientClosers.add(
          Thread.ofPlatform().daemon(true).name("workerbench-client-close").start(closing::close));
    }
  }

  /** What one warm-up covers: a client's (no strategy) or a strategy's worker. */
  private record WarmupKey(
      TransportKind transport, AcquisitionKind acquisition, StrategyKind strategy) {}

  /** What a client is built from; plans that agree on it share one client. */
  private record ClientConfig(Duration jobTimeout, int maxJobsActive, TransportKind transport) {

    static ClientConfig of(ScenarioPlan plan) {
      return new ClientConfig(plan.jobTimeout(), plan.maxJobsActive(), plan.transport());
    }
  }

  private static CamundaClient newClient(EngineAdapter engine, ClientConfig config) {
    CamundaClientBuilder builder =
        engine
            .newClientBuilder()
            .defaultJobTimeout(config.jobTimeout())
            .defaultJobWorkerMaxJobsActive(config.maxJobsActive());
    // A blocking handler holds a client handler thread for the whole job, as users' do; an
    // async handler only hands the job over, so the extra threads cost it nothing.
    builder.numJobWorkerExecutionThreads(config.maxJobsActive());
    switch (config.transport()) {
      case REST -> builder.preferRestOverGrpc(true);
      case GRPC_POLL -> builder.preferRestOverGrpc(false);
      case GRPC_STREAM -> builder.preferRestOverGrpc(false).defaultJobWorkerStreamEnabled(true);
    }
    return builder.build();
  }

  private void deploy(EngineAdapter engine, ScenarioPlan plan, CamundaClient client, String id) {
    try {
      client
          .newDeployResourceCommand()
          .addProcessModel(ServiceTaskProcess.model(id, id), id + ".bpmn")
          .send()
          .join(ENGINE_REACH_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw RepeatFailure.engineLost(unreachable(engine, plan, "deploy the process", e));
    }
  }

  private void createInstances(
      EngineAdapter engine, ScenarioPlan plan, CamundaClient client, String id, RunRecorder recorder)
      throws InterruptedException {
    int jobs = plan.numInstances();
    Semaphore permits = new Semaphore(MAX_CREATIONS_IN_FLIGHT);
    CountDownLatch answered = new CountDownLatch(jobs);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int i = 0; i < jobs; i++) {
      if (failure.get() != null) {
        answered.countDown();
        continue;
      }
      permits.acquire();
      long due = nanoClock.getAsLong();
      try {
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .send()
            .whenComplete(
                (instance, error) -> {
                  permits.release();
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  } else {
                    recorder.instanceCreated(instance.getProcessInstanceKey(), due);
                  }
                  answered.countDown();
                });
      } catch (RuntimeException e) {
        permits.release();
        failure.compareAndSet(null, e);
        answered.countDown();
      }
    }
    Duration limit = plan.timeout().plusSeconds(ENGINE_REACH_SECONDS);
    boolean allAnswered = answered.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    if (failure.get() != null) {
      throw RepeatFailure.engineLost(
          unreachable(engine, plan, "create " + jobs + " process instances", failure.get()));
    }
    if (!allAnswered) {
      throw new RepeatFailure(
          "Expected the engine to create "
              + jobs
              + " process instances within "
              + seconds(limit)
              + " s, but "
              + (jobs - answered.getCount())
              + " were answered. Check the engine's load and logs.");
    }
  }

  /**
   * Waits up to the plan's timeout for every job to complete, checking every
   * {@link #ENGINE_PROBE_INTERVAL} that the engine still accepts connections.
   *
   * @return whether every job completed in time
   * @throws RepeatFailure when the engine stopped answering
   */
  private static boolean awaitAllCompleted(
      EngineAdapter engine, ScenarioPlan plan, RunRecorder recorder) throws InterruptedException {
    Duration left = plan.timeout();
    int failedProbes = 0;
    while (true) {
      Duration slice = left.compareTo(ENGINE_PROBE_INTERVAL) < 0 ? left : ENGINE_PROBE_INTERVAL;
      if (recorder.awaitAllCompleted(slice)) {
        return true;
      }
      left = left.minus(slice);
      if (!left.isPositive()) {
        return false;
      }
      IOException refused = probe(engineAddress(engine, plan));
      failedProbes = refused == null ? 0 : failedProbes + 1;
      if (failedProbes >= ENGINE_PROBE_FAILURES) {
        throw RepeatFailure.engineLost(
            unreachable(
                engine,
                plan,
                "finish the jobs (" + recorder.completedCount() + " of " + plan.numInstances()
                    + " completed)",
                refused));
      }
    }
  }

  /** Opens and closes a TCP connection to the address; the failure, or null when it answered. */
  private static IOException probe(URI address) {
    int port = address.getPort() >= 0 ? address.getPort() : "https".equals(address.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.getHost(), port), PROBE_CONNECT_MILLIS);
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private static URI engineAddress(EngineAdapter engine, ScenarioPlan plan) {
    return plan.transport() == TransportKind.REST ? engine.restAddress() : engine.grpcAddress();
  }

  private static String unreachable(
      EngineAdapter engine, ScenarioPlan plan, String action, Throwable cause) {
    URI address = engineAddress(engine, plan);
    return "Expected to reach the engine at "
        + address
        + " to "
        + action
        + ", but "
        + rootMessage(cause)
        + ". Check that the engine runs and its address, or use --engine embedded.";
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private static void closeWorker(RunningWorker worker) {
    try {
      worker.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the worker failed: {}", e.toString());
    }
  }

  private static void closeQuietly(EngineAdapter candidate) {
    try {
      candidate.close();
    } catch (RuntimeException e) {
      LOG.debug("Closing an engine that did not start failed", e);
    }
  }

  /** A process id and job type unique to one repeat: an NCName of letters, digits, - and _. */
  static String isolationId(String scenarioName, int repeat) {
    String safe = scenarioName.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.length() > 40) {
      safe = safe.substring(0, 40);
    }
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return "wb-" + safe + "-" + repeat + "-" + HexFormat.of().formatHex(random);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e9);
  }

  private record RepeatOutcome(
      RepeatMetrics metrics, String resolvedStrategy, double startupSeconds) {}

  /** A repeat could not run; the message is the result's reason. */
  private static final class RepeatFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the engine could not be reached (rather than, say, not keeping up). */
    final boolean engineLost;

    RepeatFailure(String message) {
      this(message, false);
    }

    private RepeatFailure(String message, boolean engineLost) {
      super(message, null, false, false);
      this.engineLost = engineLost;
    }

    static RepeatFailure engineLost(String message) {
      return new RepeatFailure(message, true);
    }
  }
}
