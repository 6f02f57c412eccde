package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BackPressureTest {

  @Test
  void shouldRecogniseTheRefusalWhenEitherProtocolReportsIt() {
    // gRPC, as the client reports it and as the channel does, also wrapped by a future
    assertThat(BackPressure.refused(new ClientStatusException(Status.RESOURCE_EXHAUSTED, null))).isTrue();
    assertThat(BackPressure.refused(new CompletionException(Status.RESOURCE_EXHAUSTED.asRuntimeException())))
        .isTrue();
    // REST: Camunda's problem titled RESOURCE_EXHAUSTED (503 since 8.8, 429 before)
    ProblemDetail problem = new ProblemDetail().setTitle("RESOURCE_EXHAUSTED").setStatus(503);
    assertThat(BackPressure.refused(new ProblemException(503, "refused", problem))).isTrue();
  }

  @Test
  void shouldNotRetryWhenTheFailureIsAnotherOne() {
    assertThat(BackPressure.refused(new ClientStatusException(Status.UNAVAILABLE, null))).isFalse();
    ProblemDetail notFound = new ProblemDetail().setTitle("NOT_FOUND").setStatus(404);
    assertThat(BackPressure.refused(new ProblemException(404, "gone", notFound))).isFalse();
    assertThat(BackPressure.refused(new IllegalStateException("RESOURCE_EXHAUSTED"))).isFalse();
  }
}
