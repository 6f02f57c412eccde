package io.github.workerbench.core.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.github.workerbench.core.metrics.JobObserver;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.lang.reflect.Proxy;
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
 * The engine's part in a bare run, played without an engine: every job of a repeat is ready at
 * once, and the feeder hands one to the strategy the instant a slot frees, on the thread where
 * the previous job ended. Like {@link DirectAcquisition} it keeps at most min(max_concurrent_jobs,
 * the strategy's {@link ExecutionStrategy#maxJobsInWork()}) jobs handed over and not yet ended,
 * but with no activation round trip in between.
 *
 * <p>As the {@link JobReporter} it answers complete and fail at once (completed futures). A failed
 * job with retries left is offered again, with one retry fewer, after the backoff the worker asked
 * for, as the engine would; one with none left raises an incident and ends. A repeat is over when
 * every job completed or raised an incident ({@link #awaitAllEnded}).
 *
 * <p>A job's hand-over time is its activation time for the observer, so the start delay measured
 * is hand-over to handler start. Jobs are {@link ActivatedJob} proxies answering only what the
 * harness reads (key, process instance key, retries, type). Thread-safe; the queue and the count
 * of jobs in work are guarded by one lock, never held while handing over.
 */
final class BareFeeder implements JobReporter, AutoCloseable {

  /** The job type bare jobs report. */
  static final String JOB_TYPE = "bare";

  private final int jobs;
  private final int maxConcurrentJobs;
  private final JobObserver observer;
  private final LongSupplier nanoClock;
  private final CountDownLatch ended;
  private final ScheduledThreadPoolExecutor retries;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<ActivatedJob> ready = new ArrayDeque<>();
  private ExecutionStrategy strategy;
  private int capacity;
  private int inWork;
  private volatile boolean stopped;

  /**
   * A feeder for one repeat of the plan.
   *
   * @param observer told of every hand-over as an activation
   */
  BareFeeder(ScenarioPlan plan, JobObserver observer, LongSupplier nanoClock) {
    this.jobs = plan.numInstances();
    this.maxConcurrentJobs = plan.maxConcurrentJobs();
    this.observer = observer;
    this.nanoClock = nanoClock;
    this.ended = new CountDownLatch(jobs);
    // its thread starts with the first retry only: no failures, no extra thread
    this.retries =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("wb-bare-retry").daemon(true).factory());
  }

  /**
   * What the strategy must also tell: completions and incidents, which end jobs. Hand it to the
   * job execution after the run's own observer, so that observer has the figures of a job before
   * the repeat can be seen to be over.
   */
  JobObserver endings() {
    return new JobObserver() {
      @Override
      public void completed(long jobKey, long processInstanceKey, long completedNanos) {
        ended.countDown();
      }

      @Override
      public void failed(long jobKey, int retriesLeft, String reason) {
        if (retriesLeft <= 0) {
          ended.countDown();
        }
      }
    };
  }

  /** Makes every job ready and hands over as many as the strategy has slots for; call once. */
  void start(ExecutionStrategy target) {
    lock.lock();
    try {
      if (strategy != null) {
        throw new IllegalStateException("the feeder has already been started");
      }
      strategy = target;
      capacity = Math.min(maxConcurrentJobs, target.maxJobsInWork());
      for (long key = 1; key <= jobs; key++) {
        ready.add(job(key, ScenarioPlan.JOB_RETRIES));
      }
    } finally {
      lock.unlock();
    }
    handOverWhileFree();
  }

  /**
   * Waits until every job completed or raised an incident, or {@code timeout} passed.
   *
   * @return whether every job ended
   * @throws InterruptedException when the waiting thread is interrupted
   */
  boolean awaitAllEnded(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The jobs that completed or raised an incident so far. */
  long endedCount() {
    return jobs - ended.getCount();
  }

  @Override
  public CompletionStage<?> complete(ActivatedJob job) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<?> fail(ActivatedJob job, int retriesLeft, Duration backoff, String message) {
    if (retriesLeft > 0 && !stopped) {
      ActivatedJob retry = job(job.getKey(), retriesLeft);
      try {
        retries.schedule(() -> offer(retry), backoff.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        // the repeat is over: the retry is not wanted
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Stops handing over and drops pending retries; jobs already handed over are left to end. */
  @Override
  public void close() {
    stopped = true;
    retries.shutdownNow();
  }

  private void offer(ActivatedJob job) {
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
      ActivatedJob next;
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
      observer.activated(next.getKey(), handedOverNanos);
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

  /** A job with this key (also its process instance key) and these retries left. */
  static ActivatedJob job(long key, int retries) {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            ActivatedJob.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getKey", "getProcessInstanceKey" -> key;
                  case "getRetries" -> retries;
                  case "getType" -> JOB_TYPE;
                  case "hashCode" -> Long.hashCode(key);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "bare job " + key + " (" + retries + " retries)";
                  default ->
                      throw new UnsupportedOperationException(
                          "a bare job has no " + method.getName() + "(): no engine made it");
                });
  }
}
