package io.github.workerbench.core.run;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/** The process every scenario deploys: start, one service task, end. */
final class ServiceTaskProcess {

  /** Job retries: enough for failure_rate scenarios to retry a failed job, not to hide a bug. */
  static final int JOB_RETRIES = 3;

  private ServiceTaskProcess() {}

  /** The model with this process id whose one task creates jobs of {@code jobType}. */
  static BpmnModelInstance model(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("work", task -> task.zeebeJobType(jobType).zeebeJobRetries(String.valueOf(JOB_RETRIES)))
        .endEvent("end")
        .done();
  }
}
