package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pure timer wait: the probe of the harness's own overhead. The blocking form sleeps the
 * thread; the non-blocking form schedules a timer on the event loop. Stateless, thread-safe.
 */
public final class SleepWorkload implements Workload {

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.SLEEP;
  }


  @Override
  public void run(Duration duration) throws InterruptedException {
    Thread.sleep(checked(duration));
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      checked(duration);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    context.loop().schedule(() -> done.complete(null), duration.toNanos(), TimeUnit.NANOSECONDS);
    return done;
  }

  private static Duration checked(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, but was " + duration);
    }
    return duration;
  }
}
