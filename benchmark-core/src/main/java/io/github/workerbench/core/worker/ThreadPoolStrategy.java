package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code thread}: a fixed pool of platform threads, one job per thread, blocking work and
 * blocking completion ({@code send().join()}). Jobs beyond the pool size wait in its queue, so
 * no more than the pool size are ever in work. The threads start with the strategy, before the
 * measured window. Thread-safe.
 */
public final class ThreadPoolStrategy implements ExecutionStrategy {

  private final JobExecution execution;
  private final JobExecution.BlockingWork work;
  private final int threads;
  private final Duration grace;
  private final ExecutorService pool;
  private final PendingJobs pending = new PendingJobs();
  private final Duration startupTime;

  ThreadPoolStrategy(JobExecution execution, int threads, Duration grace) {
    this(execution, execution.workload()::run, threads, grace, "wb-thread-");
  }

  /** A pool whose threads do each job's work through {@code work}, e.g. in a child JVM. */
  ThreadPoolStrategy(
      JobExecution execution,
      JobExecution.BlockingWork work,
      int threads,
      Duration grace,
      String threadName) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be greater than 0, but was " + threads);
    }
    this.execution = execution;
    this.work = work;
    this.threads = threads;
    this.grace = grace;
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            Thread.ofPlatform().name(threadName, 0).daemon(true).factory());
    // A user's pool worker runs long; its threads exist before jobs arrive. Starting them here
    // keeps thread creation out of the measured window, as the process pool's child start-up is,
    // and reports its time as start-up.
    long start = System.nanoTime();
    try {
      executor.prestartAllCoreThreads();
    } catch (RuntimeException | Error e) {
      executor.shutdownNow();
      throw e;
    }
    this.startupTime = Duration.ofNanos(System.nanoTime() - start);
    this.pool = executor;
  }

  @Override
  public String id() {
    return "thread";
  }

  @Override
  public int maxJobsInWork() {
    return threads;
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public CompletableFuture<Void> submit(Job job, long activatedNanos) {
    return pending.run(pool, () -> execution.runBlocking(job, activatedNanos, work));
  }

  @Override
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public void close() {
    pool.shutdown();
    pending.drainThenStop(grace, pool);
  }
}
