package io.github.workerbench.core.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Tells the engine a job's outcome with non-blocking commands; a seam for tests. */
interface JobReporter {

  /** Completes the job. */
  CompletionStage<?> complete(ActivatedJob job);

  /** Fails the job, leaving it {@code retries} retries after {@code backoff}. */
  CompletionStage<?> fail(ActivatedJob job, int retries, Duration backoff, String message);

  /** A reporter sending the client's complete and fail commands. */
  static JobReporter of(CamundaClient client) {
    return new JobReporter() {
      @Override
      public CompletionStage<?> complete(ActivatedJob job) {
        return client.newCompleteCommand(job.getKey()).send();
      }

      @Override
      public CompletionStage<?> fail(
          ActivatedJob job, int retries, Duration backoff, String message) {
        return client
            .newFailCommand(job.getKey())
            .retries(retries)
            .retryBackoff(backoff)
            .errorMessage(message)
            .send();
      }
    };
  }
}
