package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.TransportKind;
import java.time.Duration;

/**
 * What a repeat's client is built from; plans that agree on it share one client ({@link
 * ClientPool}).
 *
 * @param jobTimeout the job timeout the client's workers ask for by default
 * @param maxJobsActive the JobWorker's maxJobsActive, also the client's handler threads
 * @param transport REST, gRPC polling or gRPC streaming
 */
record ClientConfig(Duration jobTimeout, int maxJobsActive, TransportKind transport) {

  static ClientConfig of(ScenarioPlan plan) {
    return new ClientConfig(plan.jobTimeout(), plan.maxJobsActive(), plan.transport());
  }

  /** A client of this configuration on {@code engine}. */
  CamundaClient newClient(EngineAdapter engine) {
    CamundaClientBuilder builder =
        engine
            .newClientBuilder()
            .defaultJobTimeout(jobTimeout)
            .defaultJobWorkerMaxJobsActive(maxJobsActive);
    // A blocking handler holds a client handler thread for the whole job, as users' do; an
    // async handler only hands the job over, so the extra threads cost it nothing.
    builder.numJobWorkerExecutionThreads(maxJobsActive);
    builder.withInterceptors(new TransportThreadCallbacks());
    switch (transport) {
      case REST -> builder.preferRestOverGrpc(true);
      case GRPC_POLL -> builder.preferRestOverGrpc(false);
      case GRPC_STREAM -> builder.preferRestOverGrpc(false).defaultJobWorkerStreamEnabled(true);
    }
    return builder.build();
  }
}
