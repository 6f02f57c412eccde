package io.github.workerbench.core.worker;

import io.camunda.client.CamundaClient;
import io.github.workerbench.model.scenario.AcquisitionKind;

/**
 * Where a worker's jobs come from and where their outcomes go: an engine through the client
 * (acquired as the plan says, reported with the client's commands), or the engine-free {@link
 * BareFeeder}. The worker factory composes a source with a strategy and a workload.
 */
public interface JobSource {

  /** Where the strategy reports each job's outcome. */
  JobReporter reporter();

  /**
   * Starts handing {@code strategy} the jobs of {@code setup}; they flow until the returned handle
   * is closed.
   *
   * @throws RuntimeException when jobs cannot be taken (the factory reports it)
   */
  AutoCloseable start(ExecutionStrategy strategy, WorkerSetup setup);

  /**
   * An engine's jobs through {@code client}, taken by the client's JobWorker or by the harness's
   * direct activation loop, as the plan's acquisition says.
   */
  static JobSource client(CamundaClient client) {
    JobReporter reporter = JobReporter.of(client);
    return new JobSource() {
      @Override
      public JobReporter reporter() {
        return reporter;
      }

      @Override
      public AutoCloseable start(ExecutionStrategy strategy, WorkerSetup setup) {
        return setup.plan().acquisition() == AcquisitionKind.DIRECT
            ? new DirectAcquisition(client, setup, strategy)
            : new JobWorkerAcquisition(client, setup, strategy);
      }
    };
  }
}
