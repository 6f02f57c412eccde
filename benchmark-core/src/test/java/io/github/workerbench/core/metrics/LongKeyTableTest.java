package io.github.workerbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LongKeyTableTest {

  @Test
  void shouldAddEachKeyOnceWhenItIsAddedAgain() {
    // given
    LongKeyTable table = new LongKeyTable(4);
    // when
    boolean first = table.add(42);
    boolean again = table.add(42);
    boolean other = table.add(43);
    // then
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(other).isTrue();
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void shouldTakeEveryKeyWhenFarMoreArriveThanExpected() {
    // given a table sized for 10 keys
    LongKeyTable table = new LongKeyTable(10);
    // when 100,000 distinct keys (Zeebe-like: partition bits on top) and each once more
    long base = (1L << 51) + 1;
    for (long i = 0; i < 100_000; i++) {
      table.add(base + i);
    }
    long repeatedAdded = 0;
    for (long i = 0; i < 100_000; i++) {
      repeatedAdded += table.add(base + i) ? 1 : 0;
    }
    // then
    assertThat(table.size()).isEqualTo(100_000);
    assertThat(repeatedAdded).isZero();
  }

  @Test
  void shouldPairOnceWhenTheSecondKindComesFirst() {
    // given
    LongKeyTable table = new LongKeyTable(4);
    // when a completion (second kind) is reported before the creation, then both again
    long afterSecond = table.pair(7, false, 300);
    long afterFirst = table.pair(7, true, 100);
    long repeatedFirst = table.pair(7, true, 150);
    long repeatedSecond = table.pair(7, false, 400);
    // then the creation made the pair and got the completion's time; repeats pair nothing
    assertThat(afterSecond).isEqualTo(LongKeyTable.UNPAIRED);
    assertThat(afterFirst).isEqualTo(300);
    assertThat(repeatedFirst).isEqualTo(LongKeyTable.UNPAIRED);
    assertThat(repeatedSecond).isEqualTo(LongKeyTable.UNPAIRED);
  }

  @Test
  void shouldKeepTheFirstReportOfAKindWhenItIsRepeatedBeforeThePair() {
    // given
    LongKeyTable table = new LongKeyTable(4);
    // when the creation is reported twice, then the completion
    table.pair(9, true, 100);
    table.pair(9, true, 200);
    long paired = table.pair(9, false, 500);
    // then the first creation's time counts
    assertThat(paired).isEqualTo(100);
  }

  @Test
  void shouldPairEveryKeyExactlyOnceWhenThreadsReportBothKindsAtOnce() throws Exception {
    // given 4 threads, two reporting creations and two completions of the same 20,000 keys
    int keys = 20_000;
    LongKeyTable table = new LongKeyTable(keys);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong pairs = new AtomicLong();
    AtomicLong pairedTimes = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    // when
    for (int t = 0; t < 4; t++) {
      boolean creation = t % 2 == 0;
      futures.add(
          pool.submit(
              () -> {
                go.await();
                for (long key = 0; key < keys; key++) {
                  long other = table.pair(key, creation, creation ? 1 : 2);
                  if (other != LongKeyTable.UNPAIRED) {
                    pairs.incrementAndGet();
                    pairedTimes.addAndGet(other);
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    // then each key paired once, and each pair saw the other kind's time (1 or 2)
    assertThat(pairs.get()).isEqualTo(keys);
    assertThat(pairedTimes.get()).isBetween((long) keys, 2L * keys);
    assertThat(table.size()).isEqualTo(keys);
  }

  @Test
  void shouldCountEveryDistinctKeyWhenThreadsAddOverlappingKeys() throws Exception {
    // given 4 threads adding overlapping ranges of keys into a table sized too small
    LongKeyTable table = new LongKeyTable(100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong added = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    // when thread t adds keys [t * 5,000, t * 5,000 + 10,000): 25,000 distinct keys in all
    for (int t = 0; t < 4; t++) {
      long from = t * 5_000L;
      futures.add(
          pool.submit(
              () -> {
                go.await();
                for (long key = from; key < from + 10_000; key++) {
                  if (table.add(key)) {
                    added.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    // then
    assertThat(added.get()).isEqualTo(25_000);
    assertThat(table.size()).isEqualTo(25_000);
  }
}
