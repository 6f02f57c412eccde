package io.github.workerbench.core.worker;

import io.github.workerbench.core.workload.CpuCalibration;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code process}: the work runs in a pool of long-lived child JVMs fed over pipes (a line per
 * job: workload id and duration in (and for {@code http} the downstream's address, which each
 * child calls with a client of its own), {@code ok} or {@code error} out); the parent completes the
 * job. As many dispatcher threads as children, so a job starts only when a child is free and no
 * more than the pool size are in work. The children start when the strategy is made, timed
 * apart as {@link #startupTime()} (outside the measured window); each gets the parent's CPU
 * calibration so it does not measure again.
 *
 * <p>A user's handler runs in the children too (its jar on their class path); the commands it
 * sends travel to the parent over the pipe, and the parent sends them with its client, so the
 * children hold no connection to the engine (docs/adr/0007).
 *
 * <p>A child that dies mid-job fails that job (one retry fewer) and is replaced; the run goes on.
 * Thread-safe.
 */
public final class ProcessPoolStrategy implements ExecutionStrategy {

  private final ChildProcessPool children;
  private final ThreadPoolStrategy dispatch;
  private final int size;

  ProcessPoolStrategy(
      JobExecution execution,
      WorkloadKind workload,
      int size,
      CpuCalibration calibration,
      URI downstream,
      Duration grace) {
    this.size = size;
    // children always get a rate: the calibration is measured once per factory, not per child
    this.children = new ChildProcessPool(size, calibration.iterationsPerSecond(), execution.handler());
    try {
      this.dispatch =
          new ThreadPoolStrategy(
              execution.handler() == null ? execution : execution.withHandlerWork(children::runHandler),
              duration -> children.run(workload, duration, downstream),
              size,
              grace,
              "wb-process-");
    } catch (RuntimeException | Error e) {
      children.close();
      throw e;
    }
  }

  @Override
  public String id() {
    return "process";
  }

  @Override
  public int maxJobsInWork() {
    return size;
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public CompletableFuture<Void> submit(Job job, long activatedNanos) {
    return dispatch.submit(job, activatedNanos);
  }

  @Override
  public Duration startupTime() {
    return children.startupTime().plus(dispatch.startupTime());
  }

  /** The children's process handles, for tests. */
  List<ProcessHandle> children() {
    return children.children();
  }

  @Override
  public void close() {
    dispatch.close();
    children.close();
  }
}
