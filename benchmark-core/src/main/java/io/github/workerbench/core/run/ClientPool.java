package io.github.workerbench.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of the current repeat: the previous repeat's when its {@link ClientConfig} is the
 * same, else a new one. Closing a REST client waits up to 5 s for its open long polls, so a fresh
 * client per repeat would add seconds of idle time to every repeat; sharing is safe because each
 * repeat has its own job type and its worker is closed before the next starts.
 *
 * <p>A replaced (or {@link #discard discarded}) client is closed on a background thread: its
 * close waits for the closed worker's last poll, which is no part of any scenario. {@link
 * #awaitClosed} waits for those closes, e.g. once the engine is gone and they finish at once.
 *
 * <p>Not thread-safe: one repeat at a time.
 *
 * @param <C> the client type (the Camunda client; tests use fakes)
 */
final class ClientPool<C extends AutoCloseable> {

  /** How long {@link #awaitClosed} waits for each client still closing. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final Function<ClientConfig, C> factory;
  private final List<Thread> closers = new ArrayList<>();
  private ClientConfig config;
  private C client;

  /** A pool making its clients with {@code factory}. */
  ClientPool(Function<ClientConfig, C> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The client for {@code wanted}: the current one when it has that configuration. */
  C client(ClientConfig wanted) {
    if (client == null || !wanted.equals(config)) {
      discard();
      client = factory.apply(wanted);
      config = wanted;
    }
    return client;
  }

  /** Closes the current client in the background, if any; the next repeat gets a new one. */
  void discard() {
    if (client == null) {
      return;
    }
    C closing = client;
    client = null;
    config = null;
    closers.removeIf(closer -> !closer.isAlive());
    closers.add(
        Thread.ofPlatform()
            .daemon(true)
            .name("workerbench-client-close")
            .start(() -> closeQuietly(closing)));
  }

  /** Waits up to {@link #CLOSE_WAIT} for each client closing in the background. */
  void awaitClosed() {
    for (Thread closer : closers) {
      try {
        closer.join(CLOSE_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closers.clear();
  }

  private static void closeQuietly(AutoCloseable client) {
    try {
      client.close();
    } catch (Exception e) {
      LOG.debug("Closing a client failed", e);
    }
  }
}
