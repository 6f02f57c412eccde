package io.github.workerbench.core.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.github.workerbench.core.handler.ActivatedJobs;

/**
 * A job as the harness works it: what strategies, the job execution and the reporters read. The
 * client's {@link ActivatedJob} is turned into one where jobs are acquired ({@link #of}), and kept
 * for a user's handler, which gets it as it came; the engine-free feeder makes its own. Immutable.
 *
 * @param key the job's key, unique per engine
 * @param processInstanceKey the key of the process instance the job belongs to
 * @param retries the retries left before this run
 * @param type the job type the worker subscribed to
 * @param variables the job's variables as JSON text, as the engine sent them ({@code {}} when none)
 * @param activated the client's job, or {@code null} when no client made one (engine-free)
 */
public record Job(
    long key, long processInstanceKey, int retries, String type, String variables, ActivatedJob activated) {

  /** A job no client activated (the engine-free feeder's). */
  public Job(long key, long processInstanceKey, int retries, String type, String variables) {
    this(key, processInstanceKey, retries, type, variables, null);
  }

  /** The harness's view of a job the client activated; reads fields only, parses nothing. */
  public static Job of(ActivatedJob job) {
    return new Job(
        job.getKey(),
        job.getProcessInstanceKey(),
        job.getRetries(),
        job.getType(),
        job.getVariables(),
        job);
  }

  /** This job as offered again after a failed run, with {@code retriesLeft} retries. */
  public Job retried(int retriesLeft) {
    return new Job(key, processInstanceKey, retriesLeft, type, variables, null);
  }

  /** The job as a handler sees it: the client's own, or one made of these fields. */
  public ActivatedJob forHandler() {
    return activated != null
        ? activated
        : ActivatedJobs.of(key, processInstanceKey, retries, type, variables);
  }
}
