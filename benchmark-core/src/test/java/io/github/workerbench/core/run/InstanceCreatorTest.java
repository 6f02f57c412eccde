package io.github.workerbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Throttled concurrent creation: the bound, the due times, the failures. */
class InstanceCreatorTest {

  private final AtomicLong clock = new AtomicLong();
  private final Map<Long, Long> dueByKey = new ConcurrentHashMap<>();

  @Test
  void shouldKeepAtMostTheBoundInFlightAndCreateEveryInstanceWhenAnswersComeLater()
      throws InterruptedException {
    // given requests answered 2 ms after they were sent
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicLong keys = new AtomicLong(100);
    Executor later = CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS);
    InstanceCreator creator = new InstanceCreator(clock::incrementAndGet, 4);

    // when
    creator.create(
        40,
        () -> {
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          long key = keys.incrementAndGet();
          return CompletableFuture.supplyAsync(
              () -> {
                inFlight.decrementAndGet();
                return key;
              },
              later);
        },
        dueByKey::put,
        Duration.ofSeconds(30));

    // then
    assertThat(dueByKey).hasSize(40);
    assertThat(peak.get()).isBetween(1, 4);
  }

  @Test
  void shouldTakeEachDueTimeWhenItsRequestIsIssuedWhenAnswersComeOutOfOrder()
      throws InterruptedException {
    // given: the clock ticks once per request; answers are held back and given in reverse
    List<CompletableFuture<Long>> answers = new CopyOnWriteArrayList<>();
    InstanceCreator creator = new InstanceCreator(clock::incrementAndGet, 8);
    Thread answering =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (answers.size() < 3) {
                    Thread.onSpinWait();
                  }
                  for (int i = 2; i >= 0; i--) {
                    answers.get(i).complete(10L + i);
                  }
                });

    // when
    creator.create(
        3,
        () -> {
          CompletableFuture<Long> answer = new CompletableFuture<>();
          answers.add(answer);
          return answer;
        },
        dueByKey::put,
        Duration.ofSeconds(30));
    answering.join();

    // then the instance of the first request was due first, whenever it was answered
    assertThat(dueByKey).containsExactlyInAnyOrderEntriesOf(Map.of(10L, 1L, 11L, 2L, 12L, 3L));
  }

  @Test
  void shouldStopIssuingAndReportTheCauseWhenARequestFails() {
    // given the second request fails
    AtomicInteger sent = new AtomicInteger();
    InstanceCreator creator = new InstanceCreator(clock::incrementAndGet, 1);
    IllegalStateException refused = new IllegalStateException("UNAVAILABLE");

    // when / then
    assertThatThrownBy(
            () ->
                creator.create(
                    10,
                    () ->
                        sent.incrementAndGet() == 2
                            ? CompletableFuture.failedFuture(refused)
                            : CompletableFuture.completedFuture((long) sent.get()),
                    dueByKey::put,
                    Duration.ofSeconds(30)))
        .isInstanceOf(InstanceCreator.RequestFailed.class)
        .hasCause(refused);
    assertThat(sent).hasValue(2);
    assertThat(dueByKey).containsOnlyKeys(1L);
  }

  @Test
  void shouldFailNamingTheAnswersWhenTheEngineDoesNotAnswerInTime() {
    // given one request answered, two never
    AtomicInteger sent = new AtomicInteger();
    InstanceCreator creator = new InstanceCreator(clock::incrementAndGet, 8);

    // when / then
    assertThatThrownBy(
            () ->
                creator.create(
                    3,
                    () ->
                        sent.incrementAndGet() == 1
                            ? CompletableFuture.completedFuture(1L)
                            : new CompletableFuture<>(),
                    dueByKey::put,
                    Duration.ofMillis(50)))
        .isInstanceOf(RepeatFailure.class)
        .hasMessage(
            "Expected the engine to create 3 process instances within 0.1 s, but 1 were"
                + " answered. Check the engine's load and logs.");
  }
}
