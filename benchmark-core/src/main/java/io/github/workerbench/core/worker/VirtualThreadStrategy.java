package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@code virtual}: a virtual thread per job, blocking work and completion; a semaphore of
 * {@code maxJobsInWork} permits, taken before the work starts and released after the engine
 * took the report, bounds the jobs in work. Thread-safe.
 */
public final class VirtualThreadStrategy implements ExecutionStrategy {

  private final JobExecution execution;
  private final int maxJobsInWork;
  private final Duration grace;
  private final Semaphore permits;
  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("wb-virtual-", 0).factory());
  private final PendingJobs pending = new PendingJobs();

  VirtualThreadStrategy(JobExecution execution, int maxJobsInWork, Duration grace) {
    if (maxJobsInWork <= 0) {
      throw new IllegalArgumentException(
          "max jobs in work must be greater than 0, but was " + maxJobsInWork);
    }
    this.execution = execution;
    this.maxJobsInWork = maxJobsInWork;
    this.grace = grace;
    this.permits = new Semaphore(maxJobsInWork, true);
  }

  @Override
  public String id() {
    return "virtual";
  }

  @Override
  public int maxJobsInWork() {
    return maxJobsInWork;
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public CompletableFuture<Void> submit(Job job, long activatedNanos) {
    return pending.run(
        threads,
        () -> {
          try {
            permits.acquire();
            try {
              execution.runBlocking(job, activatedNanos);
            } finally {
              permits.release();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Override
  public void close() {
    threads.shutdown();
    pending.drainThenStop(grace, threads);
  }
}
