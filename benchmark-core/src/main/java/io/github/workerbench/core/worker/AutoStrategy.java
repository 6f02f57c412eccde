package io.github.workerbench.core.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code auto}: resolves from the workload's hint when made. CPU-bound work gets a {@link
 * ThreadPoolStrategy} of min(max concurrent jobs, cores) threads (more threads than cores only
 * add contention); everything else waits rather than computes and gets a {@link
 * VirtualThreadStrategy}. {@link #id()} reports the resolved strategy. Thread-safe.
 */
public final class AutoStrategy implements ExecutionStrategy {

  private final ExecutionStrategy resolved;

  AutoStrategy(JobExecution execution, int maxConcurrentJobs, int cores, Duration grace) {
    this.resolved =
        execution.workload().cpuBound()
            ? new ThreadPoolStrategy(execution, Math.min(maxConcurrentJobs, cores), grace)
            : new VirtualThreadStrategy(execution, maxConcurrentJobs, grace);
  }

  /** The strategy auto resolved to. */
  ExecutionStrategy resolved() {
    return resolved;
  }

  @Override
  public String id() {
    return resolved.id();
  }

  @Override
  public int maxJobsInWork() {
    return resolved.maxJobsInWork();
  }

  @Override
  public boolean blocking() {
    return resolved.blocking();
  }

  @Override
  public CompletableFuture<Void> submit(Job job, long activatedNanos) {
    return resolved.submit(job, activatedNanos);
  }

  @Override
  public Duration startupTime() {
    return resolved.startupTime();
  }

  @Override
  public void close() {
    resolved.close();
  }
}
