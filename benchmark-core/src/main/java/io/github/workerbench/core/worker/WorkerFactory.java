package io.github.workerbench.core.worker;

import io.github.workerbench.core.metrics.JobObserver;

/** Starts the worker a scenario plan describes: job source, strategy and workload composed. */
@FunctionalInterface
public interface WorkerFactory {

  /**
   * Starts a worker; it takes jobs as soon as this returns.
   *
   * @throws io.github.workerbench.core.BenchmarkException when the worker cannot start
   */
  RunningWorker start(WorkerSetup setup);

  /**
   * This factory, with every job event of a measured worker also handed to {@code extra} (after
   * the runner's own observer), e.g. to move a progress bar. Warm-up workers stay unseen.
   */
  default WorkerFactory alsoObservedBy(JobObserver extra) {
    return setup -> start(setup.warmup() ? setup : setup.alsoObservedBy(extra));
  }
}
