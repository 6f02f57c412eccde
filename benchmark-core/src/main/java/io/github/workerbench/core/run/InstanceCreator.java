package io.github.workerbench.core.run;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Creates a repeat's process instances concurrently: at most {@code maxInFlight} creation requests
 * in flight, each instance's due time taken when its request is issued (so a slow engine shows as
 * latency, not as a later start), stopping at the first failed request. Thread-safe; the callbacks
 * run on the client's threads.
 */
final class InstanceCreator {

  /** The most creation requests in flight at once. */
  static final int MAX_IN_FLIGHT = 32;

  private final LongSupplier nanoClock;
  private final int maxInFlight;

  InstanceCreator(LongSupplier nanoClock) {
    this(nanoClock, MAX_IN_FLIGHT);
  }

  InstanceCreator(LongSupplier nanoClock, int maxInFlight) {
    if (maxInFlight <= 0) {
      throw new IllegalArgumentException(
          "max creations in flight must be greater than 0, but was " + maxInFlight);
    }
    this.nanoClock = nanoClock;
    this.maxInFlight = maxInFlight;
  }

  /** Sends one creation request; the stage answers the new instance's key. */
  @FunctionalInterface
  interface Request {
    CompletionStage<Long> send();
  }

  /** Hears each instance created, with the time its request was issued. */
  @FunctionalInterface
  interface Created {
    void created(long processInstanceKey, long dueNanos);
  }

  /** A creation request failed; its cause says why. */
  static final class RequestFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestFailed(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Creates {@code count} instances and waits for every answer, at most {@code limit}.
   *
   * @throws RequestFailed when a request failed (no more are issued after it)
   * @throws RepeatFailure when not every request was answered within {@code limit}
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void create(int count, Request request, Created created, Duration limit)
      throws InterruptedException {
    Semaphore permits = new Semaphore(maxInFlight);
    CountDownLatch answered = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int i = 0; i < count; i++) {
      if (failure.get() != null) {
        answered.countDown();
        continue;
      }
      permits.acquire();
      long due = nanoClock.getAsLong();
      try {
        request
            .send()
            .whenComplete(
                (key, error) -> {
                  permits.release();
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  } else {
                    created.created(key, due);
                  }
                  answered.countDown();
                });
      } catch (RuntimeException e) {
        permits.release();
        failure.compareAndSet(null, e);
        answered.countDown();
      }
    }
    boolean allAnswered = answered.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    if (failure.get() != null) {
      throw new RequestFailed(failure.get());
    }
    if (!allAnswered) {
      throw new RepeatFailure(
          String.format(
              Locale.ROOT,
              "Expected the engine to create %d process instances within %.1f s, but %d were"
                  + " answered. Check the engine's load and logs.",
              count,
              limit.toNanos() / 1e9,
              count - answered.getCount()));
    }
  }
}
