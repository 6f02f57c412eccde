package io.github.workerbench.core.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Collects the heap and waits until the memory the collection gave back has left the resident
 * set. G1 returns the regions a full collection frees in the background, after the collection
 * itself: measured after a busy warm-up, the resident set was still 1.1 GB when the next repeat's
 * sampler reset its high-water mark, 0.5 GB above what it fell to a few seconds later, so the
 * repeat's max RSS showed the warm-up's heap. Here the resident set is read every {@code poll}
 * after the collection until it has fallen by at least half of what the heap gave up (its
 * committed size before the collection minus after) and then stops falling by a mebibyte, or until
 * {@code limit} passed; when the heap gave nothing up, it does not wait.
 *
 * <p>Not thread-safe; where RSS cannot be read (not Linux) it only collects.
 */
public final class HeapCollection implements Runnable {

  private static final long SETTLED_KB = 1024;

  private final Runnable collect;
  private final LongSupplier heapCommittedKb;
  private final LongSupplier rssKb;
  private final Duration poll;
  private final Duration limit;

  /**
   * @param collect collects the heap, e.g. {@code System::gc}
   * @param heapCommittedKb the heap's committed size in KiB
   * @param rssKb the resident set in KiB, negative when unknown
   */
  HeapCollection(
      Runnable collect,
      LongSupplier heapCommittedKb,
      LongSupplier rssKb,
      Duration poll,
      Duration limit) {
    this.collect = Objects.requireNonNull(collect, "collect");
    this.heapCommittedKb = Objects.requireNonNull(heapCommittedKb, "heapCommittedKb");
    this.rssKb = Objects.requireNonNull(rssKb, "rssKb");
    this.poll = poll;
    this.limit = limit;
  }

  /** {@code System.gc()}, then up to 3 s for this process's resident set to settle. */
  public static HeapCollection platform() {
    PlatformReadings readings = new PlatformReadings();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    return new HeapCollection(
        System::gc,
        () -> memory.getHeapMemoryUsage().getCommitted() / 1024,
        readings::rssKb,
        Duration.ofMillis(50),
        Duration.ofSeconds(3));
  }

  @Override
  public void run() {
    long committedBefore = heapCommittedKb.getAsLong();
    long rssBefore = rssKb.getAsLong();
    collect.run();
    long released = committedBefore - heapCommittedKb.getAsLong();
    if (rssBefore < 0 || released <= 0) {
      return;
    }
    long target = rssBefore - released / 2;
    long previous = rssBefore;
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - deadline < 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(poll.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = rssKb.getAsLong();
      if (now <= target && previous - now < SETTLED_KB) {
        return;
      }
      previous = now;
    }
  }
}
