package io.github.workerbench.core.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.TransportKind;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code job-worker} acquisition: the client's own JobWorker, as users run it, with the plan's
 * maxJobsActive, job timeout and transport (streaming for {@code grpc-stream}).
 *
 * <p>The activation time handed to the observer is when the client calls the handler: the
 * earliest moment the harness sees the job. Time a job spends in the client's own buffer before
 * that (queued behind busy handler threads) is therefore not part of the start delay; it shows
 * in the creation → completion latency instead.
 *
 * <p>For a blocking strategy the handler waits until the job has ended, as a user's blocking
 * handler does, so the JobWorker's own back-pressure (it activates more jobs only when 70% of
 * maxJobsActive slots have been handed back) is what gets measured. That needs the client to run
 * at least maxJobsActive handlers at once ({@code numJobWorkerExecutionThreads}); with fewer,
 * the client's threads cap the jobs in work and a warning says so. For the event loop the
 * handler returns at once, as an asynchronous user handler does.
 */
final class JobWorkerAcquisition implements AutoCloseable {

  /** How long one poll waits at the engine for jobs (long polling). */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** How soon the JobWorker polls again after an empty answer. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.worker");

  private final JobWorker worker;

  JobWorkerAcquisition(CamundaClient client, WorkerSetup setup, ExecutionStrategy strategy) {
    ScenarioPlan plan = setup.plan();
    JobObserver observer = setup.observer();
    LongSupplier nanoClock = setup.nanoClock();
    int handlerThreads = client.getConfiguration().getNumJobWorkerExecutionThreads();
    if (strategy.blocking() && handlerThreads < plan.maxJobsActive()) {
      LOG.warn(
          "The client runs {} job handler thread(s), fewer than max_jobs_active {}: blocking"
              + " handlers will cap the jobs in work at {}; build the client with"
              + " numJobWorkerExecutionThreads({})",
          handlerThreads,
          plan.maxJobsActive(),
          handlerThreads,
          plan.maxJobsActive());
    }
    boolean blocking = strategy.blocking();
    this.worker =
        client
            .newWorker()
            .jobType(setup.jobType())
            .handler(
                (jobClient, activated) -> {
                  long activatedNanos = nanoClock.getAsLong();
                  Job job = Job.of(activated);
                  observer.activated(job.key(), activatedNanos);
                  var ended = strategy.submit(job, activatedNanos);
                  if (blocking) {
                    try {
                      ended.join();
                    } catch (CompletionException | CancellationException e) {
                      // abandoned because the worker closes; the engine times the job out
                    }
                  }
                })
            .name("worker-bench")
            .maxJobsActive(plan.maxJobsActive())
            .timeout(plan.jobTimeout())
            .pollInterval(POLL_INTERVAL)
            .requestTimeout(REQUEST_TIMEOUT)
            .streamEnabled(plan.transport() == TransportKind.GRPC_STREAM)
            .open();
  }

  @Override
  public void close() {
    worker.close();
  }
}
