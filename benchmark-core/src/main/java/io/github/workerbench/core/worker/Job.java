package io.github.workerbench.core.worker;

import io.camunda.client.api.response.ActivatedJob;

/**
 * A job as the harness works it: what strategies, the job execution and the reporters read. The
 * client's {@link ActivatedJob} is turned into one where jobs are acquired ({@link #of}); the
 * engine-free feeder makes its own. Immutable.
 *
 * @param key the job's key, unique per engine
 * @param processInstanceKey the key of the process instance the job belongs to
 * @param retries the retries left before this run
 * @param type the job type the worker subscribed to
 * @param variables the job's variables as JSON text, as the engine sent them ({@code {}} when none)
 */
public record Job(long key, long processInstanceKey, int retries, String type, String variables) {

  /** The harness's view of a job the client activated; reads fields only, parses nothing. */
  public static Job of(ActivatedJob job) {
    return new Job(
        job.getKey(),
        job.getProcessInstanceKey(),
        job.getRetries(),
        job.getType(),
        job.getVariables());
  }

  /** This job as offered again after a failed run, with {@code retriesLeft} retries. */
  public Job retried(int retriesLeft) {
    return new Job(key, processInstanceKey, retriesLeft, type, variables);
  }
}
