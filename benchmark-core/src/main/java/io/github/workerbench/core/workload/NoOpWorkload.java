package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * No work at all, whatever the duration: a job that ends the moment it starts, so what a worker
 * spends on it is the harness's own path (acquisition, hand-over, reporting, recording). Used by
 * {@code bench engine-bench}, never by a scenario; it reports itself as a sleep of no time.
 * Stateless, thread-safe.
 */
public final class NoOpWorkload implements Workload {

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.SLEEP;
  }

  @Override
  public void run(Duration duration) {
    // nothing: the job's cost is the path around it
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    return CompletableFuture.completedFuture(null);
  }
}
