package io.github.workerbench.engine.cluster;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state behind {@link ClusterConditions}, shared by the gRPC and the REST endpoint: one count
 * of commands in flight (the engine is one partition) and one thread that runs what is delayed.
 *
 * <p>Back-pressure as Zeebe's request limiter does it: every command counts in flight from its
 * arrival until the engine has processed it (after the latency: it travels to the broker in that
 * time); a command arriving while the count is at the limit is refused unless it is one Zeebe
 * never refuses (complete, fail, cancel, deploy), which count all the same. A parked long poll is
 * processed (and so out of flight) once the engine has taken it, as Zeebe's gateway parks it
 * after the broker answered. Refusals are counted ({@link #refusals()}).
 *
 * <p>The conditions can change while the engine runs ({@link #apply}), e.g. between the scenarios
 * of a suite: a call meets the conditions of the moment it arrives.
 *
 * <p>Thread-safe. The delay thread runs tasks in the order of their due times, so one call's
 * delayed messages, each due no earlier than the one before, keep their order.
 */
public final class SimulatedCluster implements AutoCloseable {

  /** Zeebe's broker's answer to a command beyond its request limit (gRPC and REST detail). */
  public static final String REQUEST_LIMIT_EXHAUSTED =
      "Failed to write client request to partition '1', because the request limit is exhausted.";

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong refusals = new AtomicLong();
  private volatile ClusterConditions conditions;
  private ScheduledExecutorService delays;
  private boolean closed;

  /** The simulation of these conditions; its delay thread starts once something is delayed. */
  public SimulatedCluster(ClusterConditions conditions) {
    this.conditions = Objects.requireNonNull(conditions, "conditions");
  }

  /** The conditions simulated now. */
  public ClusterConditions conditions() {
    return conditions;
  }

  /**
   * Simulates {@code next} from now on: calls arriving from now on meet it; calls already on their
   * way keep the delay they drew, and commands in flight stay counted until processed.
   */
  public void apply(ClusterConditions next) {
    conditions = Objects.requireNonNull(next, "conditions");
  }

  /** The message of a refused job activation of this type, as Zeebe's gateway words it. */
  public static String activationRefused(String jobType) {
    return "Expected to activate jobs of type '"
        + jobType
        + "', but no jobs available and at least one broker returned 'RESOURCE_EXHAUSTED'."
        + " Please try again later.";
  }

  /**
   * Admits a command into flight, or refuses it when the limit is reached and it is not {@code
   * exempt}; an admitted command must be {@link #release released} once processed.
   */
  public boolean admit(boolean exempt) {
    if (!conditions.limits()) {
      inFlight.incrementAndGet();
      return true;
    }
    while (true) {
      int now = inFlight.get();
      if (now >= conditions.maxInFlight() && !exempt) {
        refusals.incrementAndGet();
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** An admitted command was processed. */
  public void release() {
    inFlight.decrementAndGet();
  }

  /** The commands in flight now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** The commands refused so far. */
  public long refusals() {
    return refusals.get();
  }

  /** One delay, uniform in latency ± jitter, in nanoseconds (0 without latency). */
  public long nextDelayNanos() {
    if (!conditions.delays()) {
      return 0;
    }
    long mean = TimeUnit.MILLISECONDS.toNanos(conditions.latencyMillis());
    long jitter = TimeUnit.MILLISECONDS.toNanos(conditions.jitterMillis());
    return jitter == 0 ? mean : mean - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1);
  }

  /**
   * Runs {@code task} on the delay thread at {@code dueNanos} ({@link System#nanoTime()}); on the
   * caller's thread at once when the conditions add no latency (back-pressure alone), so that
   * the limit then costs no hand-over and behaves as over REST, where such a request runs inline.
   */
  public void runAt(long dueNanos, Runnable task) {
    if (!conditions.delays()) {
      task.run();
      return;
    }
    long wait = dueNanos - System.nanoTime();
    ScheduledExecutorService executor = delays();
    if (executor == null) {
      // the engine is stopping: the call is ended by the server's shutdown
      return;
    }
    try {
      executor.schedule(task, Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // the engine is stopping: the call is ended by the server's shutdown
    }
  }

  private synchronized ScheduledExecutorService delays() {
    if (delays == null && !closed) {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, "workerbench-engine-latency");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      delays = executor;
    }
    return delays;
  }

  /** Stops the delay thread; what is still delayed is dropped (the servers end those calls). */
  @Override
  public synchronized void close() {
    closed = true;
    if (delays != null) {
      delays.shutdownNow();
    }
  }
}
