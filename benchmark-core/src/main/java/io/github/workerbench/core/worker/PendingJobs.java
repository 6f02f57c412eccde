package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The futures of jobs a strategy holds (queued or in work), so closing can wait for them within
 * a grace period and then abandon the rest, which releases any JobWorker handler still waiting.
 * Thread-safe.
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
