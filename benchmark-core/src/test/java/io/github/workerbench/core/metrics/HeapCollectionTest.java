package io.github.workerbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapCollectionTest {

  private final AtomicInteger collections = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();

  private HeapCollection collecting(long committedBefore, long committedAfter, List<Long> rss) {
    Deque<Long> left = new ArrayDeque<>(rss);
    return new HeapCollection(
        collections::incrementAndGet,
        () -> collections.get() == 0 ? committedBefore : committedAfter,
        () -> {
          reads.incrementAndGet();
          return left.size() > 1 ? left.poll() : left.peek();
        },
        Duration.ofMillis(1),
        Duration.ofSeconds(10));
  }

  @Test
  void shouldWaitUntilTheResidentSetStopsFallingWhenTheCollectionGaveMemoryBack() {
    // given the heap gives up 600 MB; the resident set stays at 1.1 GB for a while (the regions are
    // returned in the background), then falls in steps to 500 MB and stays
    HeapCollection collection =
        collecting(
            900_000L,
            300_000L,
            List.of(1_100_000L, 1_100_000L, 1_100_000L, 900_000L, 700_000L, 500_000L, 500_000L));

    // when
    collection.run();

    // then one collection, and reads past the unchanged ones until the first that did not fall
    // after it had fallen by half of the 600 MB
    assertThat(collections).hasValue(1);
    assertThat(reads).hasValue(7);
  }

  @Test
  void shouldOnlyCollectWhenTheResidentSetCannotBeRead() {
    // given no /proc
    HeapCollection collection = collecting(900_000L, 300_000L, List.of(-1L));

    // when
    collection.run();

    // then
    assertThat(collections).hasValue(1);
    assertThat(reads).hasValue(1);
  }

  @Test
  void shouldNotWaitWhenTheHeapGaveNothingUp() {
    // given a heap whose committed size the collection did not change
    HeapCollection collection = collecting(300_000L, 300_000L, List.of(600_000L, 600_000L));

    // when
    collection.run();

    // then only the reading before the collection
    assertThat(collections).hasValue(1);
    assertThat(reads).hasValue(1);
  }
}
