package io.github.workerbench.core.run;

import io.github.workerbench.core.BenchmarkException;
import io.github.workerbench.core.engine.EngineAdapter;
import io.github.workerbench.core.engine.EngineStartException;
import io.github.workerbench.model.scenario.TransportKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine a run's scenarios share: made and started at the first scenario that needs it ({@link
 * #engine()}) and kept until {@link #close()}, so a suite does not pay an engine start (a container
 * takes a minute) per scenario; isolation comes from each repeat's unique ids. An engine that
 * cannot be started is closed again and the next scenario tries anew. The scenario that starts an
 * engine ({@link #start()}) is told how long that took ({@code engine_startup_time}), before and
 * outside every measured window; for a fresh engine per scenario, {@link EngineScopedRunner}
 * closes the runner (and with it this session) after each.
 *
 * <p>Loss detection: while a repeat waits for its jobs, the engine's port (REST or gRPC, as the
 * plan's transport) is probed every {@value #PROBE_INTERVAL_SECONDS} s; {@value #PROBE_FAILURES}
 * refusals in a row mean the engine is gone. A session that lost its engine, or could not reach it
 * ({@link #unreachable}), is marked lost: after the scenario the driver closes it, and the next
 * scenario starts (or, for a remote cluster, checks) it again and fails fast with the reason if it
 * is still gone.
 *
 * <p>Not thread-safe: one scenario at a time.
 */
final class EngineSession implements AutoCloseable {

  /** How long a request to the engine may take before the engine counts as unreachable. */
  static final long REACH_SECONDS = 10;

  static final long PROBE_INTERVAL_SECONDS = 2;
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(PROBE_INTERVAL_SECONDS);
  static final int PROBE_FAILURES = 2;
  private static final int PROBE_CONNECT_MILLIS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger("workerbench.run");

  private final Supplier<? extends EngineAdapter> factory;
  private final Function<URI, IOException> probe;
  private final LongSupplier nanoClock;
  private EngineAdapter engine;
  private boolean lost;

  /**
   * A session on engines from {@code factory}, probed with a TCP connect, its start timed by
   * {@code nanoClock} (nanoseconds).
   */
  EngineSession(Supplier<? extends EngineAdapter> factory, LongSupplier nanoClock) {
    this(factory, EngineSession::connect, nanoClock);
  }

  /**
   * A session.
   *
   * @param factory makes the (not yet started) engine, at the first scenario and again after the
   *     engine failed to start or was lost
   * @param probe tries to reach an address: the failure, or {@code null} when it answered
   * @param nanoClock times the engine's start, in nanoseconds
   */
  EngineSession(
      Supplier<? extends EngineAdapter> factory,
      Function<URI, IOException> probe,
      LongSupplier nanoClock) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /**
   * Starts an engine when none runs, as {@link #engine()} does.
   *
   * @return how long making, starting (or, for a remote cluster, reaching) it took in seconds;
   *     {@code NaN} when an engine was running already
   * @throws EngineStartException when it cannot be started or reached
   */
  double start() {
    if (engine != null) {
      return Double.NaN;
    }
    long begin = nanoClock.getAsLong();
    engine();
    return (nanoClock.getAsLong() - begin) / 1e9;
  }

  /**
   * The started engine, starting one first if there is none.
   *
   * @throws EngineStartException when it cannot be started or reached
   */
  EngineAdapter engine() {
    if (engine == null) {
      EngineAdapter candidate = factory.get();
      try {
        candidate.start();
      } catch (RuntimeException e) {
        closeQuietly(candidate);
        if (e instanceof EngineStartException startFailure) {
          throw startFailure;
        }
        throw new EngineStartException(
            "Expected to start the engine " + candidate + ", but " + e.getMessage(), e);
      }
      engine = candidate;
    }
    return engine;
  }

  /** Whether an engine is started (and not closed since). */
  boolean started() {
    return engine != null;
  }

  /**
   * The failure of an action that could not reach the engine, phrased for the user with the
   * address and a remedy; marks the session lost.
   */
  RepeatFailure unreachable(TransportKind transport, String action, Throwable cause) {
    lost = true;
    return new RepeatFailure(
        "Expected to reach the engine at "
            + address(transport)
            + " to "
            + action
            + ", but "
            + BenchmarkException.rootMessage(cause)
            + ". Check that the engine runs and its address, or use --engine embedded.");
  }

  /** A wait that a probe may cut short, e.g. the recorder's wait for its jobs. */
  @FunctionalInterface
  interface Wait {
    /** Waits up to {@code slice}; whether what was awaited happened. */
    boolean await(Duration slice) throws InterruptedException;
  }

  /**
   * Waits up to {@code timeout}, probing the engine between slices of {@link #PROBE_INTERVAL}.
   *
   * @param action what the wait is for, for the message should the engine be gone
   * @return whether what was awaited happened in time
   * @throws RepeatFailure when the engine stopped answering
   */
  boolean await(TransportKind transport, Duration timeout, Wait wait, Supplier<String> action)
      throws InterruptedException {
    Duration left = timeout;
    int failedProbes = 0;
    while (true) {
      Duration slice = left.compareTo(PROBE_INTERVAL) < 0 ? left : PROBE_INTERVAL;
      if (wait.await(slice)) {
        return true;
      }
      left = left.minus(slice);
      if (!left.isPositive()) {
        return false;
      }
      IOException refused = probe.apply(address(transport));
      failedProbes = refused == null ? 0 : failedProbes + 1;
      if (failedProbes >= PROBE_FAILURES) {
        throw unreachable(transport, action.get(), refused);
      }
    }
  }

  /**
   * After a scenario: when the engine was lost during it, closes it so the next scenario starts
   * afresh; whether it did.
   */
  boolean dropIfLost(String scenario) {
    if (!lost) {
      return false;
    }
    LOG.warn("Lost the engine during '{}'; the next scenario starts it again", scenario);
    lost = false;
    close();
    return true;
  }

  /** Stops the engine this session started, if any; idempotent. */
  @Override
  public void close() {
    if (engine != null) {
      EngineAdapter stopping = engine;
      engine = null;
      stopping.close();
    }
  }

  private URI address(TransportKind transport) {
    EngineAdapter current = Objects.requireNonNull(engine, "no engine is started");
    return transport == TransportKind.REST ? current.restAddress() : current.grpcAddress();
  }

  /** Opens and closes a TCP connection to the address; the failure, or null when it answered. */
  private static IOException connect(URI address) {
    int port =
        address.getPort() >= 0
            ? address.getPort()
            : "https".equals(address.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.getHost(), port), PROBE_CONNECT_MILLIS);
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private static void closeQuietly(EngineAdapter candidate) {
    try {
      candidate.close();
    } catch (RuntimeException e) {
      LOG.debug("Closing an engine that did not start failed", e);
    }
  }
}
