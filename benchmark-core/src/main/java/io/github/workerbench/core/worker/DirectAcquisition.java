package io.github.workerbench.core.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code direct} acquisition: the harness's own activation loop. One thread keeps at most one
 * activate-jobs request in flight, each a long poll asking for exactly the free capacity
 * (max_concurrent_jobs minus the jobs handed to the strategy and not yet ended); as soon as the
 * answer is handed over and a slot is free, it asks again. So no slot idles while jobs wait,
 * unlike the JobWorker, which polls again only when 70% of its slots are free.
 *
 * <p>The slots in work are one atomic count, raised once per answer and lowered as each job ends;
 * the loop parks only when every slot is taken, and a job that ends wakes it only then, so a job
 * costs no lock and no wake-up of its own.
 *
 * <p>The activation time handed to the observer is when the answer reached the loop.
 * Thread-safe; the loop runs on its own platform thread until {@link #close()}.
 */
final class DirectAcquisition implements AutoCloseable {

  /** How long one request waits at the engine for jobs (long polling). */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The pause after a failed request, so an unreachable engine is not hammered. */
  static final Duration ERROR_BACKOFF = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.worker");

  private final CamundaClient client;
  private final ScenarioPlan plan;
  private final String jobType;
  private final ExecutionStrategy strategy;
  private final JobObserver observer;
  private final LongSupplier nanoClock;
  private final int capacity;
  private final AtomicInteger inWork = new AtomicInteger();
  private final Thread loop;
  /** Whether the loop is parked (or about to park) until a slot frees. */
  private volatile boolean awaitingSlot;
  private volatile boolean running = true;
  private volatile CamundaFuture<ActivateJobsResponse> inFlight;

  DirectAcquisition(CamundaClient client, WorkerSetup setup, ExecutionStrategy strategy) {
    this.client = client;
    this.plan = setup.plan();
    this.jobType = setup.jobType();
    this.strategy = strategy;
    this.observer = setup.observer();
    this.nanoClock = setup.nanoClock();
    this.capacity = Math.min(plan.maxConcurrentJobs(), strategy.maxJobsInWork());
    // assigned before the thread starts, so every thread that ends a job sees it
    this.loop = Thread.ofPlatform().name("wb-direct-activation").daemon(true).unstarted(this::run);
    loop.start();
  }

  private void run() {
    while (running) {
      int free = awaitFreeSlots();
      if (free == 0) {
        return;
      }
      List<ActivatedJob> jobs;
      try {
        CamundaFuture<ActivateJobsResponse> request =
            client
                .newActivateJobsCommand()
                .jobType(jobType)
                .maxJobsToActivate(free)
                .timeout(plan.jobTimeout())
                .workerName("worker-bench-direct")
                .requestTimeout(REQUEST_TIMEOUT)
                .send();
        inFlight = request;
        jobs = request.join().getJobs();
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.debug("Activating jobs failed, trying again after {}", ERROR_BACKOFF, e);
        try {
          Thread.sleep(ERROR_BACKOFF);
        } catch (InterruptedException interrupted) {
          return;
        }
        continue;
      }
      long activatedNanos = nanoClock.getAsLong();
      inWork.addAndGet(jobs.size());
      for (ActivatedJob activated : jobs) {
        Job job = Job.of(activated);
        observer.activated(job.key(), activatedNanos);
        strategy.submit(job, activatedNanos).whenComplete((ignored, error) -> slotEnded());
      }
    }
  }

  /** Blocks until a slot is free; returns the free slots, or 0 when closing. */
  private int awaitFreeSlots() {
    while (running) {
      int free = capacity - inWork.get();
      if (free > 0) {
        return free;
      }
      awaitingSlot = true;
      // checked again after saying so: a slot freed in between either shows here or unparks us
      if (capacity - inWork.get() <= 0 && running) {
        LockSupport.park(this);
      }
      awaitingSlot = false;
      if (Thread.interrupted()) {
        return 0;
      }
    }
    return 0;
  }

  private void slotEnded() {
    inWork.decrementAndGet();
    if (awaitingSlot) {
      LockSupport.unpark(loop);
    }
  }

  @Override
  public void close() {
    running = false;
    CamundaFuture<ActivateJobsResponse> request = inFlight;
    if (request != null) {
      request.cancel(true);
    }
    loop.interrupt();
    try {
      loop.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
