package io.github.workerbench.core.worker;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Tells the job's source its outcome with non-blocking calls: the engine through the client's
 * complete and fail commands, or the engine-free feeder, which answers at once.
 */
public interface JobReporter {

  /** Completes the job. */
  CompletionStage<?> complete(Job job);

  /** Fails the job, leaving it {@code retries} retries after {@code backoff}. */
  CompletionStage<?> fail(Job job, int retries, Duration backoff, String message);

  /** A reporter sending the client's complete and fail commands. */
  static JobReporter of(CamundaClient client) {
    return new JobReporter() {
      @Override
      public CompletionStage<?> complete(Job job) {
        return client.newCompleteCommand(job.key()).send();
      }

      @Override
      public CompletionStage<?> fail(Job job, int retries, Duration backoff, String message) {
        return client
            .newFailCommand(job.key())
            .retries(retries)
            .retryBackoff(backoff)
            .errorMessage(message)
            .send();
      }
    };
  }
}
