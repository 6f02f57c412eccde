package io.github.workerbench.engine.state;

import io.github.workerbench.engine.bpmn.ServiceTask;
import java.util.concurrent.ScheduledFuture;

/** A job of one service task of one instance. Mutable; guarded by the {@link EngineState} lock. */
final class Job {

  final long key;
  final ServiceTask task;
  final ProcessInstance instance;
  final long elementInstanceKey;
  JobState state = JobState.ACTIVATABLE;
  int retries;
  /** True while the job sits in its type's activatable queue (possibly stale, see EngineState). */
  boolean queued;
  boolean removed;
  /** Increments per activation, so stale timers and failed deliveries can tell they are stale. */
  long activation;
  String worker = "";
  long deadline;
  ScheduledFuture<?> timer;
  EngineState.StreamRegistration stream;

  Job(long key, ServiceTask task, ProcessInstance instance, long elementInstanceKey) {
    this.key = key;
    this.task = task;
    this.instance = instance;
    this.elementInstanceKey = elementInstanceKey;
    this.retries = task.retries();
  }
}
