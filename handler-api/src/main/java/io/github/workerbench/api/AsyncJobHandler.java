package io.github.workerbench.api;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.concurrent.CompletionStage;

/**
 * A job handler that never blocks: what a user's own handler implements to run under Worker
 * Bench's {@code async} strategy, whose one event-loop thread starts every job. {@link #handle}
 * starts the job's work and returns at once; the stage it returns completes when the handler is
 * done with the job, normally once it has completed or failed it with {@code client} (send the
 * command without joining it, and return its future, or a stage that follows it).
 *
 * <p>As with the Camunda client's own {@link io.camunda.client.api.worker.JobHandler}, the
 * handler completes or fails the job itself; a stage that completes exceptionally (or a {@code
 * handle} that throws) fails the job with one retry fewer, as a throwing JobHandler does. The
 * blocking strategies ({@code thread}, {@code virtual}, {@code process}, {@code auto}) run these
 * handlers too, waiting for the stage.
 *
 * <p>Implementations need a public constructor without arguments. One instance serves every job
 * of a worker, from the event loop: it must be thread-safe and must never block.
 */
@FunctionalInterface
public interface AsyncJobHandler {

  /**
   * Starts handling {@code job}.
   *
   * @param client sends the job's completion, failure or error to the engine; its commands'
   *     {@code send()} never blocks
   * @return completes when the handler is done with the job
   * @throws Exception when the handler cannot even start; the job is failed
   */
  CompletionStage<?> handle(JobClient client, ActivatedJob job) throws Exception;
}
