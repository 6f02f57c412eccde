package io.github.workerbench.core.worker;

import io.github.workerbench.core.workload.AsyncContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code async}: one event-loop thread starts every job and never blocks. Work uses the
 * workload's non-blocking form (timers on the loop, {@code AsynchronousFileChannel}, {@code
 * Process.onExit()}; CPU work runs on the loop itself and so serializes), and jobs are completed
 * with the client's non-blocking {@code send()}.
 *
 * <p>A JobWorker counts a job done when its handler returns, which here is at once; so the loop
 * bounds its own jobs in work: a job counts from the moment the loop starts it until the engine
 * took its report, and jobs beyond {@code maxJobsInWork} wait in a queue on the loop. The queue
 * and the count are confined to the loop thread. Thread-safe to submit from any thread.
 */
public final class EventLoopStrategy implements ExecutionStrategy {

  private record Queued(Job job, long activatedNanos, CompletableFuture<Void> done) {}

  private final JobExecution execution;
  private final int maxJobsInWork;
  private final Duration grace;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("wb-event-loop").daemon(true).factory());
  private final ExecutorService io =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("wb-async-io-", 0).daemon(true).factory());
  private final AsyncContext context = new AsyncContext(loop, io);
  private final PendingJobs pending = new PendingJobs();
  private final Queue<Queued> queue = new ArrayDeque<>();
  private int inWork;

  EventLoopStrategy(JobExecution execution, int maxJobsInWork, Duration grace) {
    if (maxJobsInWork <= 0) {
      throw new IllegalArgumentException(
          "max jobs in work must be greater than 0, but was " + maxJobsInWork);
    }
    this.execution = execution;
    this.maxJobsInWork = maxJobsInWork;
    this.grace = grace;
  }

  @Override
  public String id() {
    return "async";
  }

  @Override
  public int maxJobsInWork() {
    return maxJobsInWork;
  }

  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public CompletableFuture<Void> submit(Job job, long activatedNanos) {
    return pending.submit(
        loop,
        done -> {
          queue.add(new Queued(job, activatedNanos, done));
          startQueued();
        });
  }

  /** Starts queued jobs while a slot is free; runs on the loop only. */
  private void startQueued() {
    while (inWork < maxJobsInWork && !queue.isEmpty()) {
      Queued next = queue.poll();
      if (next.done().isDone()) {
        continue;
      }
      inWork++;
      CompletableFuture<Void> ended;
      try {
        ended = execution.runAsync(next.job(), next.activatedNanos(), context);
      } catch (RuntimeException e) {
        ended = CompletableFuture.failedFuture(e);
      }
      ended.whenCompleteAsync(
          (ignored, error) -> {
            inWork--;
            next.done().complete(null);
            startQueued();
          },
          loop);
    }
  }

  @Override
  public void close() {
    // no shutdown() before draining: the loop must go on running the jobs' completions
    pending.drainThenStop(grace, loop, io);
  }
}
