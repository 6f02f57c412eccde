package io.github.workerbench.core.worker;

/** Starts the worker a scenario plan describes: acquisition, strategy and workload composed. */
@FunctionalInterface
public interface WorkerFactory {

  /**
   * Starts a worker; it takes jobs as soon as this returns.
   *
   * @throws io.github.workerbench.core.BenchmarkException when the worker cannot start
   */
  RunningWorker start(WorkerSetup setup);
}
