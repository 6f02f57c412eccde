package io.github.workerbench.core.run;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.util.concurrent.TimeUnit;

/**
 * The process every scenario deploys: start, one service task whose jobs get {@link
 * ScenarioPlan#JOB_RETRIES} retries, end.
 */
final class ServiceTaskProcess {

  private ServiceTaskProcess() {}

  /**
   * Deploys the process whose id and job type are {@code id}, waiting at most {@link
   * EngineSession#REACH_SECONDS}.
   *
   * @throws RuntimeException when the engine does not take it
   */
  static void deploy(CamundaClient client, String id) {
    client
        .newDeployResourceCommand()
        .addProcessModel(model(id, id), id + ".bpmn")
        .send()
        .join(EngineSession.REACH_SECONDS, TimeUnit.SECONDS);
  }

  /** The model with this process id whose one task creates jobs of {@code jobType}. */
  static BpmnModelInstance model(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask(
            "work",
            task ->
                task.zeebeJobType(jobType)
                    .zeebeJobRetries(String.valueOf(ScenarioPlan.JOB_RETRIES)))
        .endEvent("end")
        .done();
  }
}
