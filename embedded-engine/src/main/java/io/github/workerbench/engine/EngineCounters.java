package io.github.workerbench.engine;

/**
 * A snapshot of what the engine has done since it started. All figures are counts since start,
 * taken atomically (under the engine's lock), so they agree with each other.
 *
 * @param processInstancesCreated instances created (gRPC, REST, with or without result)
 * @param processInstancesCompleted instances that reached their end event
 * @param processInstancesCanceled instances canceled by a client
 * @param jobsCreated jobs created (one per service task reached)
 * @param jobsActivated activations handed to workers, re-activations included
 * @param jobsCompleted jobs completed (each job at most once)
 * @param jobsFailed fail commands accepted (with or without retries left)
 * @param jobsTimedOut activations that passed their deadline and made the job activatable again
 * @param jobsReturned activations taken back because they could not be delivered or their stream
 *     closed
 * @param errorsThrown throw-error commands accepted
 * @param incidents incidents raised (retries exhausted or an uncaught error)
 */
public record EngineCounters(
    long processInstancesCreated,
    long processInstancesCompleted,
    long processInstancesCanceled,
    long jobsCreated,
    long jobsActivated,
    long jobsCompleted,
    long jobsFailed,
    long jobsTimedOut,
    long jobsReturned,
    long errorsThrown,
    long incidents) {}
