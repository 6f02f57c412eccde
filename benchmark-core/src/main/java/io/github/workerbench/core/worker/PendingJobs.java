package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The futures of jobs a strategy holds (queued or in work), so closing can wait for them within
 * a grace period and then abandon the rest, which releases any JobWorker handler still waiting.
 * Also the one place where the strategies hand a job to their executor and report its end, so
 * each reports a job that ended, or that the executor refused, the same way. Thread-safe.
 */
final class PendingJobs {

  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();

  /** A new tracked future, dropped from tracking once it completes. */
  CompletableFuture<Void> track() {
    CompletableFuture<Void> future = new CompletableFuture<>();
    pending.add(future);
    future.whenComplete((ignored, error) -> pending.remove(future));
    return future;
  }

  /**
   * Hands a job to {@code executor} with a new tracked future: {@code start} runs there and must
   * complete the future once the job has ended (its report taken, or given up). The future fails
   * at once when the executor refuses the job (it is shutting down).
   */
  CompletableFuture<Void> submit(Executor executor, Consumer<CompletableFuture<Void>> start) {
    CompletableFuture<Void> done = track();
    try {
      executor.execute(() -> start.accept(done));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  /**
   * Like {@link #submit}, for a job that has ended when {@code job} returns: the future completes
   * then, even when {@code job} throws.
   */
  CompletableFuture<Void> run(Executor executor, Runnable job) {
    return submit(
        executor,
        done -> {
          try {
            job.run();
          } finally {
            done.complete(null);
          }
        });
  }

  /**
   * Closes a strategy: {@link #drain}s within {@code grace}, then stops the executors at once
   * (interrupting what still runs) and waits up to a second for each to end.
   */
  void drainThenStop(Duration grace, ExecutorService... executors) {
    drain(grace);
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
    }
    try {
      for (ExecutorService executor : executors) {
        executor.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits up to {@code grace} for every tracked job to end, then abandons the rest. */
  void drain(Duration grace) {
    CompletableFuture<?> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    try {
      all.get(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // timed out or a job was abandoned: abandon what is left below
    }
    for (CompletableFuture<Void> future : pending) {
      future.completeExceptionally(new CancellationException("worker closed"));
    }
  }

  int size() {
    return pending.size();
  }
}
