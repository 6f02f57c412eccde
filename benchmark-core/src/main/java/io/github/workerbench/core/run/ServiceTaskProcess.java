package io.github.workerbench.core.run;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.github.workerbench.model.scenario.ScenarioPlan;

/**
 * The process every scenario deploys: start, one service task whose jobs get {@link
 * ScenarioPlan#JOB_RETRIES} retries, end.
 */
final class ServiceTaskProcess {

  private ServiceTaskProcess() {}

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
