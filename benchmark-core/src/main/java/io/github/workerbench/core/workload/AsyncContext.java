package io.github.workerbench.core.workload;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The executors a non-blocking workload may use.
 *
 * @param loop the event loop: timers are scheduled on it and CPU work runs on it; never block it
 * @param io the pool that serves {@link java.nio.channels.AsynchronousFileChannel} and the one
 *     file call that has no asynchronous form (fsync)
 */
public record AsyncContext(ScheduledExecutorService loop, ExecutorService io) {

  public AsyncContext {
    Objects.requireNonNull(loop, "loop");
    Objects.requireNonNull(io, "io");
  }
}
