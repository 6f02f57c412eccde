package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClientBuilder;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.engine.EngineStartException;
import io.github.workerbench.model.scenario.TransportKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lazy start, retry after a failed start, and loss detection by probes. */
class EngineSessionTest {

  private static final URI REST = URI.create("http://127.0.0.1:8080");
  private static final URI GRPC = URI.create("http://127.0.0.1:26500");

  /** Each reading of the session's clock moves it on by this much: a start takes 1.5 s. */
  private static final long STARTUP_NANOS = 1_500_000_000L;

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger made = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final List<URI> probed = new ArrayList<>();
  /** What the next probes answer: null for "it answered", else the refusal. */
  private final Deque<IOException> probeAnswers = new LinkedList<>();

  private final class FakeEngine implements EngineAdapter {
    private final RuntimeException startFailure;

    FakeEngine(RuntimeException startFailure) {
      this.startFailure = startFailure;
    }

    @Override
    public void start() {
      if (startFailure != null) {
        throw startFailure;
      }
    }

    @Override
    public URI grpcAddress() {
      return GRPC;
    }

    @Override
    public URI restAddress() {
      return REST;
    }

    @Override
    public CamundaClientBuilder newClientBuilder() {
      throw new UnsupportedOperationException("no client in this test");
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }

    @Override
    public String toString() {
      return "FakeEngine";
    }
  }

  private EngineSession session(RuntimeException... startFailures) {
    Deque<RuntimeException> failures = new ArrayDeque<>(List.of(startFailures));
    return new EngineSession(
        () -> {
          made.incrementAndGet();
          return new FakeEngine(failures.poll());
        },
        address -> {
          probed.add(address);
          return probeAnswers.isEmpty() ? null : probeAnswers.poll();
        },
        () -> clock.getAndAdd(STARTUP_NANOS));
  }

  private static IOException refused() {
    return new ConnectException("Connection refused");
  }

  @Test
  void shouldStartOneEngineWhenAskedForItTwice() {
    // given
    EngineSession session = session();

    // when
    EngineAdapter first = session.engine();
    EngineAdapter second = session.engine();

    // then
    assertThat(second).isSameAs(first);
    assertThat(made).hasValue(1);
    assertThat(session.started()).isTrue();
  }

  @Test
  void shouldTimeTheStartOnlyWhenNoEngineRuns() {
    // given
    EngineSession session = session();

    // when
    double first = session.start();
    double second = session.start();
    session.close();
    double afterClose = session.start();

    // then
    assertThat(first).isEqualTo(1.5);
    assertThat(second).isNaN();
    assertThat(afterClose).isEqualTo(1.5);
    assertThat(made).hasValue(2);
  }

  @Test
  void shouldCloseTheEngineAndTryAgainNextTimeWhenItCannotStart() {
    // given
    EngineSession session =
        session(new EngineStartException("Expected to start the engine, but the port is taken"));

    // when / then
    assertThatThrownBy(session::engine)
        .isInstanceOf(EngineStartException.class)
        .hasMessage("Expected to start the engine, but the port is taken");
    assertThat(closed).hasValue(1);
    assertThat(session.started()).isFalse();
    assertThat(session.engine()).isNotNull();
    assertThat(made).hasValue(2);
  }

  @Test
  void shouldNameTheEngineWhenItsStartFailsWithAnotherException() {
    // given
    EngineSession session = session(new IllegalStateException("no Docker"));

    // when / then
    assertThatThrownBy(session::engine)
        .isInstanceOf(EngineStartException.class)
        .hasMessage("Expected to start the engine FakeEngine, but no Docker");
  }

  @Test
  void shouldReturnAtOnceWithoutProbingWhenTheWaitEndsInTime() throws InterruptedException {
    // given
    EngineSession session = session();
    session.engine();

    // when
    boolean done =
        session.await(TransportKind.REST, Duration.ofSeconds(10), slice -> true, () -> "x");

    // then
    assertThat(done).isTrue();
    assertThat(probed).isEmpty();
  }

  @Test
  void shouldProbeBetweenSlicesAndReportTheTimeoutWhenTheEngineStaysUp()
      throws InterruptedException {
    // given
    EngineSession session = session();
    session.engine();
    List<Duration> slices = new ArrayList<>();

    // when: 5 s in slices of 2, 2 and 1 s, probing after the first two
    boolean done =
        session.await(
            TransportKind.GRPC_POLL,
            Duration.ofSeconds(5),
            slice -> {
              slices.add(slice);
              return false;
            },
            () -> "x");

    // then
    assertThat(done).isFalse();
    assertThat(slices)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertThat(probed).containsExactly(GRPC, GRPC);
  }

  @Test
  void shouldFailAndDropTheEngineWhenTwoProbesInARowAreRefused() {
    // given
    EngineSession session = session();
    session.engine();
    probeAnswers.add(refused());
    probeAnswers.add(refused());

    // when / then
    assertThatThrownBy(
            () ->
                session.await(
                    TransportKind.REST,
                    Duration.ofSeconds(60),
                    slice -> false,
                    () -> "finish the jobs (3 of 10 completed)"))
        .isInstanceOf(RepeatFailure.class)
        .hasMessage(
            "Expected to reach the engine at http://127.0.0.1:8080 to finish the jobs (3 of 10"
                + " completed), but Connection refused. Check that the engine runs and its"
                + " address, or use --engine embedded.");
    assertThat(session.dropIfLost("load")).isTrue();
    assertThat(closed).hasValue(1);
    assertThat(session.started()).isFalse();
    assertThat(session.dropIfLost("load")).isFalse();
  }

  @Test
  void shouldGoOnWaitingWhenOnlyOneProbeInARowIsRefused() throws InterruptedException {
    // given: refused, answered, refused, answered, ...
    EngineSession session = session();
    session.engine();
    for (int i = 0; i < 10; i++) {
      probeAnswers.add(i % 2 == 0 ? refused() : null);
    }

    // when
    boolean done =
        session.await(TransportKind.REST, Duration.ofSeconds(12), slice -> false, () -> "x");

    // then
    assertThat(done).isFalse();
    assertThat(probed).hasSize(5);
    assertThat(session.dropIfLost("load")).isFalse();
  }

  @Test
  void shouldMarkTheSessionLostWhenAnActionCannotReachTheEngine() {
    // given
    EngineSession session = session();
    session.engine();

    // when
    RepeatFailure failure =
        session.unreachable(
            TransportKind.GRPC_STREAM,
            "deploy the process",
            new IllegalStateException("wrapped", refused()));

    // then
    assertThat(failure)
        .hasMessageStartingWith(
            "Expected to reach the engine at http://127.0.0.1:26500 to deploy the process, but"
                + " Connection refused.");
    assertThat(session.dropIfLost("load")).isTrue();
  }
}
