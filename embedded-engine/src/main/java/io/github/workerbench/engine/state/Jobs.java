package io.github.workerbench.engine.state;

import io.github.workerbench.engine.bpmn.ServiceTask;
import java.util.HashMap;
import java.util.Map;

/**
 * The jobs of all instances and the commands workers send about them: complete, fail, throw an
 * error, update retries or timeout. Job states follow Zeebe's: completing, failing and throwing
 * are accepted while ACTIVATABLE or ACTIVATED; a failed job with retries left becomes activatable
 * after its back-off, one without raises an incident. Guarded by the {@link EngineState} lock.
 */
final class Jobs {

  private final Counters counters;
  private final Timers timers;
  private final JobDispatch dispatch;
  private final Map<Long, Job> jobs = new HashMap<>();

  Jobs(Counters counters, Timers timers, JobDispatch dispatch) {
    this.counters = counters;
    this.timers = timers;
    this.dispatch = dispatch;
  }

  /** Creates an instance's job for a service task and makes it activatable. */
  Job create(long jobKey, ServiceTask task, ProcessInstance instance, long elementInstanceKey, Outbox out) {
    Job job = new Job(jobKey, task, instance, elementInstanceKey);
    jobs.put(job.key, job);
    counters.jobsCreated++;
    dispatch.makeActivatable(job, out);
    return job;
  }

  /**
   * Completes a job and merges its variables into its instance.
   *
   * @return the instance, for the caller to move on
   */
  ProcessInstance complete(long jobKey, Map<String, Object> variables) {
    Job job = checked(jobKey, "complete");
    ProcessInstance instance = job.instance;
    remove(job);
    counters.jobsCompleted++;
    if (variables != null) {
      instance.variables.putAll(variables);
    }
    return instance;
  }

  /** Fails a job: activatable again now or after the back-off, or an incident without retries. */
  void fail(long jobKey, int retries, long retryBackOffMillis, Map<String, Object> variables, Outbox out) {
    Job job = checked(jobKey, "fail");
    dispatch.leaveActivation(job);
    counters.jobsFailed++;
    job.retries = retries;
    if (variables != null) {
      job.instance.variables.putAll(variables);
    }
    if (retries <= 0) {
      job.state = JobState.FAILED;
      raiseIncident(job);
    } else if (retryBackOffMillis > 0) {
      job.state = JobState.FAILED;
      long activation = job.activation;
      job.backOff = timers.schedule(() -> dispatch.recur(job, activation), retryBackOffMillis);
    } else {
      dispatch.makeActivatable(job, out);
    }
  }

  /** Throws a BPMN error; nothing catches it in the supported subset, so an incident is raised. */
  void throwError(long jobKey) {
    Job job = checked(jobKey, "throw an error for");
    dispatch.leaveActivation(job);
    counters.errorsThrown++;
    job.state = JobState.ERROR_THROWN;
    raiseIncident(job);
  }

  void updateRetries(long jobKey, int retries) {
    existing(jobKey, "update retries of").retries = retries;
  }

  void updateTimeout(long jobKey, long timeoutMillis) {
    Job job = existing(jobKey, "update the timeout of");
    if (job.state != JobState.ACTIVATED) {
      throw new CommandRejectedException(
          RejectionType.INVALID_STATE,
          "Expected to update the timeout of job with key '" + jobKey + "', but it is in state '" + job.state + "'");
    }
    dispatch.extend(job, timeoutMillis);
  }

  /** Takes a job away for good (completed, or its instance canceled). */
  void remove(Job job) {
    dispatch.leaveActivation(job);
    job.removed = true;
    jobs.remove(job.key);
  }

  private Job existing(long jobKey, String intent) {
    Job job = jobs.get(jobKey);
    if (job == null) {
      throw new CommandRejectedException(
          RejectionType.NOT_FOUND,
          "Expected to " + intent + " job with key '" + jobKey + "', but no such job was found");
    }
    return job;
  }

  private Job checked(long jobKey, String intent) {
    Job job = existing(jobKey, intent);
    if (job.state != JobState.ACTIVATABLE && job.state != JobState.ACTIVATED) {
      throw new CommandRejectedException(
          RejectionType.INVALID_STATE,
          "Expected to " + intent + " job with key '" + jobKey + "', but it is in state '" + job.state + "'");
    }
    return job;
  }

  private void raiseIncident(Job job) {
    counters.incidents++;
    job.instance.hasIncident = true;
  }
}
