package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.workerbench.model.scenario.TransportKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One client per configuration, replaced ones closed in the background. */
class ClientPoolTest {

  private static final ClientConfig REST = new ClientConfig(Duration.ofMinutes(5), 10, TransportKind.REST);
  private static final ClientConfig GRPC =
      new ClientConfig(Duration.ofMinutes(5), 10, TransportKind.GRPC_POLL);

  /** A client that knows whether it was closed, and on which thread. */
  private static final class FakeClient implements AutoCloseable {
    final ClientConfig config;
    final AtomicBoolean closed = new AtomicBoolean();
    volatile String closedOn;

    FakeClient(ClientConfig config) {
      this.config = config;
    }

    @Override
    public void close() {
      closedOn = Thread.currentThread().getName();
      closed.set(true);
    }
  }

  private final List<FakeClient> made = new ArrayList<>();
  private final ClientPool<FakeClient> pool =
      new ClientPool<>(
          config -> {
            FakeClient client = new FakeClient(config);
            made.add(client);
            return client;
          });

  @Test
  void shouldShareTheClientWhenTheConfigurationIsTheSame() {
    // when
    FakeClient first = pool.client(REST);
    FakeClient second = pool.client(new ClientConfig(Duration.ofMinutes(5), 10, TransportKind.REST));

    // then
    assertThat(second).isSameAs(first);
    assertThat(made).hasSize(1);
    assertThat(first.closed).isFalse();
  }

  @Test
  void shouldCloseTheOldClientInTheBackgroundWhenTheConfigurationChanges() {
    // given
    FakeClient rest = pool.client(REST);

    // when
    FakeClient grpc = pool.client(GRPC);
    pool.awaitClosed();

    // then
    assertThat(grpc).isNotSameAs(rest);
    assertThat(grpc.config).isEqualTo(GRPC);
    assertThat(rest.closed).isTrue();
    assertThat(rest.closedOn).isEqualTo("workerbench-client-close");
    assertThat(grpc.closed).isFalse();
  }

  @Test
  void shouldMakeANewClientAfterTheCurrentOneIsDiscarded() {
    // given
    FakeClient first = pool.client(REST);

    // when
    pool.discard();
    pool.awaitClosed();
    FakeClient second = pool.client(REST);

    // then
    assertThat(first.closed).isTrue();
    assertThat(second).isNotSameAs(first);
    assertThat(made).hasSize(2);
  }
}
