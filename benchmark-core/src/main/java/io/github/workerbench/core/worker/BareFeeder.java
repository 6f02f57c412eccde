package io.github.workerbench.core.worker;

import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The engine's part in an engine-free repeat, played without an engine: every job of a repeat is
 * ready at once, and the feeder hands one to the strategy the instant a slot frees, on the thread
 * where the previous job ended. Like {@link DirectAcquisition} it keeps at most
 * min(max_concurrent_jobs, the strategy's {@link ExecutionStrategy#maxJobsInWork()}) jobs handed
 * over and not yet ended, but with no activation round trip in between.
 *
 * <p>As the {@link JobReporter} it answers complete and fail at once (completed futures). A failed
 * job with retries left is offered again, with one retry fewer, after the backoff the worker asked
 * for, as the engine would; one with none left raises an incident and ends. A repeat is over when
 * every job completed or raised an incident ({@link #awaitAllEnded}).
 *
 * <p>A job's hand-over time is its activation time for the observer, so the start delay measured
 * is hand-over to handler start. Jobs are numbered 1 to n (each its own process instance key) with
 * no variables. Thread-safe; the queue and the count of jobs in work are guarded by one lock,
 * never held while handing over. One repeat per feeder.
 */
public final class BareFeeder implements JobSource, JobReporter {

  /** The job type bare jobs report. */
  public static final String JOB_TYPE = "bare";

  private final int jobs;
  private final int maxConcurrentJobs;
  private final LongSupplier nanoClock;
  private final CountDownLatch ended;
  private final ScheduledThreadPoolExecutor retries;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Job> ready = new ArrayDeque<>();
  private JobObserver observer;
  private ExecutionStrategy strategy;
  private int capacity;
  private int inWork;
  private volatile boolean stopped;

  /** A feeder for one repeat of the plan, its times from {@code nanoClock}. */
  public BareFeeder(ScenarioPlan plan, LongSupplier nanoClock) {
    this.jobs = plan.numInstances();
    this.maxConcurrentJobs = plan.maxConcurrentJobs();
    this.nanoClock = nanoClock;
    this.ended = new CountDownLatch(jobs);
    // its thread starts with the first retry only: no failures, no extra thread
    this.retries =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("wb-bare-retry").daemon(true).factory());
  }

  /**
   * What the worker must also tell: completions and incidents, which end jobs. Give the worker
   * the run's own observer followed by this one, so that observer has a job's figures before the
   * repeat can be seen to be over.
   */
  public JobObserver endings() {
    return new JobObserver() {
      @Override
      public void completed(long jobKey, long processInstanceKey, long completedNanos) {
        ended.countDown();
      }

      @Override
      public void failed(long jobKey, int retriesLeft, String reason, long failedNanos) {
        if (retriesLeft <= 0) {
          ended.countDown();
        }
      }
    };
  }

  @Override
  public JobReporter reporter() {
    return this;
  }

  /**
   * Makes every job ready and hands over as many as the strategy has slots for, telling the
   * setup's observer of each hand-over; call once. Closing the handle stops the feeder.
   */
  @Override
  public AutoCloseable start(ExecutionStrategy target, WorkerSetup setup) {
    lock.lock();
    try {
      if (strategy != null) {
        throw new IllegalStateException("the feeder has already been started");
      }
      strategy = target;
      observer = setup.observer();
      capacity = Math.min(maxConcurrentJobs, target.maxJobsInWork());
      for (long key = 1; key <= jobs; key++) {
        ready.add(new Job(key, key, ScenarioPlan.JOB_RETRIES, JOB_TYPE, "{}"));
      }
    } finally {
      lock.unlock();
    }
    handOverWhileFree();
    return this::stop;
  }

  /**
   * Waits until every job completed or raised an incident, or {@code timeout} passed.
   *
   * @return whether every job ended
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public CompletionStage<?> complete(Job job) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<?> fail(Job job, int retriesLeft, Duration backoff, String message) {
    if (retriesLeft > 0 && !stopped) {
      Job retry = job.retried(retriesLeft);
      try {
        retries.schedule(() -> offer(retry), backoff.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        // the repeat is over: the retry is not wanted
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Stops handing over and drops pending retries; jobs already handed over are left to end. */
  private void stop() {
    stopped = true;
    retries.shutdownNow();
  }

  private void offer(Job job) {
    lock.lock();
    try {
      ready.add(job);
    } finally {
      lock.unlock();
    }
    handOverWhileFree();
  }

  private void handOverWhileFree() {
    while (true) {
      Job next;
      lock.lock();
      try {
        if (stopped || inWork >= capacity || ready.isEmpty()) {
          return;
        }
        next = ready.poll();
        inWork++;
      } finally {
        lock.unlock();
      }
      long handedOverNanos = nanoClock.getAsLong();
      observer.activated(next.key(), handedOverNanos);
      strategy
          .submit(next, handedOverNanos)
          .whenComplete((ignored, abandoned) -> slotFreed(abandoned == null));
    }
  }

  private void slotFreed(boolean jobEnded) {
    lock.lock();
    try {
      inWork--;
    } finally {
      lock.unlock();
    }
    // an abandoned or refused job means the strategy is closing: hand nothing more over
    if (jobEnded) {
      handOverWhileFree();
    }
  }
}
