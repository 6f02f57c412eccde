package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.metrics.RunRecorder;
import io.github.workerbench.core.worker.JobSource;
import io.github.workerbench.core.worker.RunningWorker;
import io.github.workerbench.core.worker.WorkerFactory;
import io.github.workerbench.core.worker.WorkerSetup;
import io.github.workerbench.model.result.RepeatMetrics;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs repeats against an engine, composed of small parts: the {@link EngineSession} (lazy start,
 * loss detection), the {@link ClientPool} (one client per configuration), the {@link
 * InstanceCreator} (throttled concurrent creation), the {@link EngineWarmup} and the {@link
 * MeasuredWindow}.
 *
 * <p>Per repeat: a fresh process id and job type ({@code wb-<name>-<repeat>-<random>}) isolate it
 * from every other repeat on the same engine; the driver deploys a one-service-task process with
 * {@link io.github.workerbench.model.scenario.ScenarioPlan#JOB_RETRIES} job retries, creates every
 * instance, starts the worker through the {@link WorkerFactory} and waits until every job
 * completed or the plan's (scaled) timeout passed. An engine that cannot be reached (within
 * {@value EngineSession#REACH_SECONDS} s per request) or stops mid-repeat fails the repeat with the
 * reason, and the next scenario gets a fresh engine. The client of each repeat speaks the plan's
 * transport; with the client's JobWorker and a blocking strategy it runs max_jobs_active handler
 * threads, as a user's blocking worker must.
 *
 * <p>Not thread-safe: one scenario at a time.
 */
public final class EngineRepeatDriver implements RepeatDriver {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final EngineSession session;
  private final ClientPool<CamundaClient> clients;
  private final InstanceCreator creator;
  private final EngineWarmup warmup;
  private final MeasuredWindow window;
  private final WorkerFactory workers;
  private final LongSupplier nanoClock;

  /**
   * A driver.
   *
   * @param engines makes the (not yet started) engine, at the first scenario and again after the
   *     engine failed to start or was lost
   * @param workers starts the worker of each repeat
   * @param warmup the unmeasured work before the first scenario of each transport and acquisition
   * @param nanoClock the clock of every measured time, in nanoseconds
   */
  public EngineRepeatDriver(
      Supplier<? extends EngineAdapter> engines,
      WorkerFactory workers,
      Warmup warmup,
      LongSupplier nanoClock) {
    this(new EngineSession(engines, nanoClock), workers, warmup, nanoClock);
  }

  private EngineRepeatDriver(
      EngineSession session, WorkerFactory workers, Warmup warmup, LongSupplier nanoClock) {
    this.session = session;
    this.clients = new ClientPool<>(config -> config.newClient(session.engine()));
    this.creator = new InstanceCreator(nanoClock);
    this.warmup = new EngineWarmup(warmup, nanoClock);
    this.window = new MeasuredWindow(nanoClock);
    this.workers = Objects.requireNonNull(workers, "workers");
    this.nanoClock = nanoClock;
  }

  /** A driver that does not warm up; see {@link #EngineRepeatDriver(Supplier, WorkerFactory, Warmup, LongSupplier)}. */
  public EngineRepeatDriver(Supplier<? extends EngineAdapter> engines, WorkerFactory workers) {
    this(engines, workers, Warmup.none(), System::nanoTime);
  }

  @Override
  public double startEngine() {
    return session.start();
  }

  @Override
  public WarmupOutcome prepare(ScenarioPlan plan) {
    session.engine();
    return warmup.before(plan, new Steps());
  }

  @Override
  public RepeatOutcome run(ScenarioPlan plan, int repeat, RepeatMetrics.Builder metrics) {
    return measure(plan, repeat, metrics, false);
  }

  @Override
  public void scenarioEnded(ScenarioPlan plan) {
    if (session.dropIfLost(plan.name())) {
      close();
    }
  }

  /** Stops the engine this driver started, if any; idempotent. */
  @Override
  public void close() {
    clients.discard();
    warmup.forget();
    session.close();
    // with the engine gone, the clients' open polls end and their closes finish at once
    clients.awaitClosed();
  }

  /** One repeat; a warm-up repeat's worker is unseen by the extra observers of the factory. */
  private RepeatOutcome measure(
      ScenarioPlan plan, int repeat, RepeatMetrics.Builder metrics, boolean warmupRepeat) {
    String id = isolationId(plan.name(), repeat);
    RunRecorder recorder = new RunRecorder(plan.numInstances(), plan.maxConcurrentJobs());
    return window.measure(plan, repeat, metrics, recorder, new Feed(plan, id, warmupRepeat));
  }

  /** What feeds an engine repeat: its process, its instances and the worker taking their jobs. */
  private final class Feed implements MeasuredWindow.Feed {
    private final ScenarioPlan plan;
    private final String id;
    private final boolean warmupRepeat;
    private CamundaClient client;

    Feed(ScenarioPlan plan, String id, boolean warmupRepeat) {
      this.plan = plan;
      this.id = id;
      this.warmupRepeat = warmupRepeat;
    }

    @Override
    public void beforeSampling() {
      client = clients.client(ClientConfig.of(plan));
      deploy(plan, client, id);
      LOG.debug("'{}': deployed {}", plan.name(), id);
    }

    @Override
    public void beforeWorker(RunRecorder recorder) throws InterruptedException {
      createInstances(plan, client, id, plan.numInstances(), recorder);
    }

    @Override
    public RunningWorker startWorker(RunRecorder recorder) {
      return workers.start(
          new WorkerSetup(
              plan, id, JobSource.client(client), recorder, nanoClock, warmupRepeat));
    }

    @Override
    public boolean awaitJobs(RunRecorder recorder, Duration timeout) throws InterruptedException {
      return session.await(
          plan.transport(),
          timeout,
          recorder::awaitAllCompleted,
          () ->
              "finish the jobs ("
                  + recorder.completedCount()
                  + " of "
                  + plan.numInstances()
                  + " completed)");
    }

    @Override
    public void failed(RuntimeException error) {
      if (!(error instanceof RepeatFailure)) {
        clients.discard();
      }
    }
  }

  /** The warm-up's work on this engine. */
  private final class Steps implements EngineWarmup.Steps {
    @Override
    public void warmClient(ScenarioPlan plan, int jobs) throws InterruptedException {
      CamundaClient client = clients.client(ClientConfig.of(plan));
      String id = isolationId("warmup", 0);
      deploy(plan, client, id);
      RunRecorder unmeasured = new RunRecorder(jobs, plan.maxConcurrentJobs());
      new ClientWarmup(client, plan, id, jobs)
          .run(
              plan.timeout().plusSeconds(EngineSession.REACH_SECONDS),
              () -> createInstances(plan, client, id, jobs, unmeasured));
    }

    @Override
    public RepeatMetrics warmWorker(ScenarioPlan workerPlan) {
      return measure(workerPlan, 0, RepeatMetrics.builder(0), true).metrics();
    }
  }

  private void deploy(ScenarioPlan plan, CamundaClient client, String id) {
    try {
      ServiceTaskProcess.deploy(client, id);
    } catch (RuntimeException e) {
      throw session.unreachable(plan.transport(), "deploy the process", e);
    }
  }

  private void createInstances(
      ScenarioPlan plan, CamundaClient client, String id, int count, RunRecorder recorder)
      throws InterruptedException {
    try {
      creator.create(
          count,
          () ->
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId(id)
                  .latestVersion()
                  .send()
                  .thenApply(ProcessInstanceEvent::getProcessInstanceKey),
          recorder::instanceCreated,
          plan.timeout().plusSeconds(EngineSession.REACH_SECONDS));
    } catch (InstanceCreator.RequestFailed e) {
      throw session.unreachable(
          plan.transport(), "create " + count + " process instances", e.getCause());
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
}
