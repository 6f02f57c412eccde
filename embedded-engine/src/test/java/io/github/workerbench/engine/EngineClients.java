package io.github.workerbench.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;

/** Clients of a test's engine. */
public final class EngineClients {

  private EngineClients() {}

  /**
   * A client builder aimed at the engine's gRPC and REST addresses, with the environment's
   * {@code CAMUNDA_*} overrides off so that the machine's settings cannot redirect the test.
   */
  public static CamundaClientBuilder builder(EngineServer engine) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(engine.grpcAddress())
        .restAddress(engine.restAddress());
  }

  /**
   * Deploys process {@code processId} of one service task whose job type is {@code processId}
   * too, as resource {@code processId.bpmn}, and waits for the deployment.
   */
  public static DeploymentEvent deployOneTask(CamundaClient client, String processId) {
    return deployOneTask(client, processId, processId);
  }

  /**
   * Deploys process {@code processId} of one service task of {@code jobType}, as resource {@code
   * processId.bpmn}, and waits for the deployment.
   */
  public static DeploymentEvent deployOneTask(CamundaClient client, String processId, String jobType) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("task", t -> t.zeebeJobType(jobType))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
  }
}
