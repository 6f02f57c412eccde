package io.github.workerbench.core.run;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.LongSupplier;

/**
 * Creates a repeat's process instances concurrently: at most {@code maxInFlight} creation requests
 * in flight, each instance's due time taken when its request is first issued (so a slow engine
 * shows as latency, not as a later start), stopping at the first failed request. A request the
 * engine refused by back-pressure ({@link BackPressure}) is sent again after a backoff (50 ms,
 * doubling up to 1 s), as Camunda advises clients to, keeping its due time. Thread-safe; the
 * callbacks run on the client's threads.
 */
final class InstanceCreator {

  /** The most creation requests in flight at once. */
  static final int MAX_IN_FLIGHT = 32;

  static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private final LongSupplier nanoClock;
  private final int maxInFlight;
  private final Predicate<Throwable> refusedByBackPressure;

  InstanceCreator(LongSupplier nanoClock) {
    this(nanoClock, MAX_IN_FLIGHT, BackPressure::refused);
  }

  InstanceCreator(LongSupplier nanoClock, int maxInFlight) {
    this(nanoClock, maxInFlight, BackPressure::refused);
  }

  InstanceCreator(LongSupplier nanoClock, int maxInFlight, Predicate<Throwable> refusedByBackPressure) {
    if (maxInFlight <= 0) {
      throw new IllegalArgumentException(
          "max creations in flight must be greater than 0, but was " + maxInFlight);
    }
    this.nanoClock = nanoClock;
    this.maxInFlight = maxInFlight;
    this.refusedByBackPressure = refusedByBackPressure;
  }

  /**
   * Sends one request and hands its key to {@code done}, or its error to {@code failed}; a
   * back-pressure refusal is sent again after {@code backoff} (doubling), unless another request
   * failed meanwhile or the wait is over.
   */
  private void send(
      Request request,
      Duration backoff,
      Consumer<Throwable> failed,
      Consumer<Long> done,
      AtomicReference<Throwable> failure,
      AtomicBoolean stopped) {
    CompletionStage<Long> answer;
    try {
      answer = request.send();
    } catch (RuntimeException e) {
      failed.accept(e);
      return;
    }
    answer.whenComplete(
        (key, error) -> {
          if (error == null) {
            done.accept(key);
          } else if (refusedByBackPressure.test(error) && failure.get() == null && !stopped.get()) {
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            CompletableFuture.delayedExecutor(backoff.toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> send(request, next, failed, done, failure, stopped));
          } else {
            failed.accept(error);
          }
        });
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
    AtomicBoolean stopped = new AtomicBoolean();
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
      send(request, FIRST_BACKOFF, error -> {
        permits.release();
        failure.compareAndSet(null, error);
        answered.countDown();
      }, key -> {
        permits.release();
        created.created(key, due);
        answered.countDown();
      }, failure, stopped);
    }
    boolean allAnswered = answered.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    stopped.set(true);
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
