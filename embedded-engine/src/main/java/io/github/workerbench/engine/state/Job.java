package io.github.workerbench.engine.state;

import io.github.workerbench.engine.bpmn.ServiceTask;
import java.util.List;

/** A job of one service task of one instance. Mutable; guarded by the {@link EngineState} lock. */
final class Job {

  final long key;
  final ServiceTask task;
  final ProcessInstance instance;
  final long elementInstanceKey;
  JobState state = JobState.ACTIVATABLE;
  int retries;
  /** True while the job sits in its type's activatable queue (possibly stale, see TypeQueue). */
  boolean queued;
  boolean removed;
  /** Increments per activation, so stale timers and failed deliveries can tell they are stale. */
  long activation;
  String worker = "";
  /** Epoch millis when the activation times out; 0 when not activated. Orders the deadline set. */
  long deadline;
  /** True while the job is in the engine's deadline set (ACTIVATED, deadline fixed). */
  boolean timed;
  /** The pending retry back-off, while FAILED with retries left. */
  Timers.Timer backOff;
  EngineState.StreamRegistration stream;

  Job(long key, ServiceTask task, ProcessInstance instance, long elementInstanceKey) {
    this.key = key;
    this.task = task;
    this.instance = instance;
    this.elementInstanceKey = elementInstanceKey;
    this.retries = task.retries();
  }

  /** What a worker receives for this activation, with the named variables (empty: all). */
  ActivatedJobData snapshot(List<String> fetchVariables) {
    ProcessDefinition definition = instance.definition;
    return new ActivatedJobData(
        key,
        task.jobType(),
        instance.key,
        definition.model().bpmnProcessId(),
        definition.version(),
        definition.key(),
        task.elementId(),
        elementInstanceKey,
        task.headers(),
        worker,
        retries,
        deadline,
        ProcessInstanceView.select(instance.variables, fetchVariables));
  }
}
