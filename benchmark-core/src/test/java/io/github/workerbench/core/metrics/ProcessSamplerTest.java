package io.github.workerbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplerTest {

  /** Readings set by hand: counters move only when the test moves them. */
  private static final class FakeReadings implements ProcessReadings {
    volatile long heap = 10 * MIB;
    volatile long cpu = 5_000_000_000L;
    volatile long treeCpu = 7_000_000_000L;
    volatile long gc = 1_000;
    volatile int peak = 7;
    volatile int resets;
    volatile long rss = 100 * 1024;
    volatile long descendants;
    volatile boolean hwmResettable = true;
    volatile long hwm = 150 * 1024;

    @Override
    public long heapUsedBytes() {
      return heap;
    }

    @Override
    public long cpuNanos() {
      return cpu;
    }

    @Override
    public long treeCpuNanos() {
      return treeCpu;
    }

    @Override
    public long gcMillis() {
      return gc;
    }

    @Override
    public void resetPeakThreads() {
      resets++;
    }

    @Override
    public int peakThreads() {
      return peak;
    }

    @Override
    public long rssKb() {
      return rss;
    }

    @Override
    public long descendantsRssKb() {
      return descendants;
    }

    @Override
    public boolean resetHighWaterMark() {
      return hwmResettable;
    }

    @Override
    public long highWaterMarkKb() {
      return hwm;
    }
  }

  private static final long MIB = 1024 * 1024;

  @Test
  void shouldReportTheWindowsDeltasAndPeaksWhenTheCountersMoved() {
    // given
    FakeReadings readings = new FakeReadings();
    ProcessSampler sampler = new ProcessSampler(Duration.ofHours(1), readings);
    sampler.start();
    // when: during the window CPU and GC advance, threads peak, children hold memory
    readings.cpu += 2_500_000_000L;
    readings.gc += 250;
    readings.peak = 42;
    readings.heap = 64 * MIB;
    readings.descendants = 300 * 1024;
    readings.rss = 120 * 1024;
    ProcessUsage usage = sampler.stop();
    // then
    assertThat(readings.resets).isEqualTo(1);
    assertThat(usage.cpuSeconds()).isEqualTo(2.5);
    assertThat(usage.gcSeconds()).isEqualTo(0.25);
    assertThat(usage.peakThreads()).isEqualTo(42);
    assertThat(usage.heapPeakMb()).isEqualTo(64);
    // the sample at stop: this process's 120 MiB plus its children's 300 MiB, over the mark
    assertThat(usage.maxRssMb()).isEqualTo(420);
    assertThat(usage.rssDeltaMb()).isEqualTo(20);
    assertThat(usage.rssAvailable()).isTrue();
  }

  @Test
  void shouldFlagAFullMachineWhenTheProcessTreeUsedTheCoresBetweenTheWindowsMarks() {
    // given 2 cores; before the window opens, set-up burns CPU that must not count
    FakeReadings readings = new FakeReadings();
    ProcessSampler sampler = new ProcessSampler(Duration.ofHours(1), readings, 2);
    sampler.start();
    readings.treeCpu += 3_000_000_000L;
    sampler.windowOpened(1_000_000_000L);
    // when the process and its children use 1.8 s of CPU over the 1 s window
    readings.treeCpu += 1_800_000_000L;
    sampler.windowClosed(2_000_000_000L);
    readings.treeCpu += 5_000_000_000L;
    ProcessUsage usage = sampler.stop();
    // then 1.8 s of 2 core-seconds: 0.9, the mark of a harness-bound repeat
    assertThat(usage.cpuUtilization()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void shouldReportNoUtilizationWhenTheWindowWasNotMarked() {
    // given
    FakeReadings readings = new FakeReadings();
    ProcessSampler sampler = new ProcessSampler(Duration.ofHours(1), readings, 2);
    sampler.start();
    readings.treeCpu += 1_000_000_000L;
    // when the window never opened (the worker did not start)
    sampler.windowClosed(1_000_000_000L);
    // then
    assertThat(sampler.stop().cpuUtilization()).isZero();
  }

  @Test
  void shouldReadTheCpuTicksOfAProcessWhenItsNameHoldsSpacesAndParentheses(@TempDir Path dir)
      throws IOException {
    // given a /proc/<pid>/stat line (utime 11, stime 22, cutime 33, cstime 44)
    Path stat = dir.resolve("stat");
    Files.writeString(
        stat, "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9 0 0 0 11 22 33 44 20 0 31 0 5 6 7\n");
    // when / then
    assertThat(PlatformReadings.statTicks(stat)).isEqualTo(110);
    assertThat(PlatformReadings.statTicks(dir.resolve("missing"))).isEqualTo(-1);
  }

  @Test
  void shouldCountAtLeastThisJvmsCpuWhenTheRealProcessTreeIsRead() {
    // given
    PlatformReadings readings = new PlatformReadings();
    // when
    long tree = readings.treeCpuNanos();
    // then /proc's ticks are coarser than the JVM's reading: within one tick per thread is fine
    assertThat(tree).isPositive();
    assertThat(tree).isGreaterThanOrEqualTo(readings.cpuNanos() / 2);
  }

  /** A window sampled only at its start and stop: the hour-long period never comes round. */
  private static ProcessUsage window(FakeReadings readings) {
    ProcessSampler sampler = new ProcessSampler(Duration.ofHours(1), readings);
    sampler.start();
    return sampler.stop();
  }

  @Test
  void shouldTakeTheKernelsMarkWhenItIsAboveTheSamplesAndCouldBeReset() {
    // given
    FakeReadings readings = new FakeReadings();
    // when a peak of 150 MiB came and went between samples
    ProcessUsage usage = window(readings);
    // then
    assertThat(usage.maxRssMb()).isEqualTo(150);
  }

  @Test
  void shouldIgnoreTheKernelsMarkWhenItCouldNotBeReset() {
    // given a mark that may hold an earlier run's peak
    FakeReadings readings = new FakeReadings();
    readings.hwmResettable = false;
    readings.hwm = 900 * 1024;
    // when
    ProcessUsage usage = window(readings);
    // then only the samples count
    assertThat(usage.maxRssMb()).isEqualTo(100);
  }

  @Test
  void shouldReportNoResidentSetWhenItCannotBeRead() {
    // given a platform without /proc
    FakeReadings readings = new FakeReadings();
    readings.rss = -1;
    // when
    ProcessUsage usage = window(readings);
    // then
    assertThat(usage.rssAvailable()).isFalse();
    assertThat(usage.maxRssMb()).isZero();
    assertThat(usage.rssDeltaMb()).isZero();
  }

  @Test
  void shouldSeeTheHeldHeapAThreadAndTheCpuWhenTheRealProcessDidWork() throws Exception {
    // given
    ProcessSampler sampler = new ProcessSampler(Duration.ofMillis(10));
    int liveBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    sampler.start();
    // when: hold 16 MiB, run one more thread, compute for 50 ms of this thread's CPU
    byte[][] blocks = new byte[64][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new byte[256 * 1024];
    }
    CountDownLatch release = new CountDownLatch(1);
    Thread extra = Thread.ofPlatform().start(() -> awaitQuietly(release));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long spin = 0;
    while (threads.getCurrentThreadCpuTime() - cpuStart < 50_000_000L) {
      spin++;
    }
    ProcessUsage usage = sampler.stop();
    release.countDown();
    extra.join();
    // then
    assertThat(spin).isPositive();
    assertThat(Arrays.stream(blocks).mapToLong(block -> block.length).sum())
        .isEqualTo(16L * 1024 * 1024);
    assertThat(usage.heapPeakMb()).isGreaterThanOrEqualTo(16);
    assertThat(usage.peakThreads()).isGreaterThan(liveBefore);
    assertThat(usage.cpuSeconds()).isGreaterThanOrEqualTo(0.05);
    if (usage.rssAvailable()) {
      assertThat(usage.maxRssMb()).isGreaterThan(usage.heapPeakMb() / 4);
    } else {
      assertThat(usage.maxRssMb()).isZero();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void shouldReadTheKilobytesWhenTheStatusLineIsPresent(@TempDir Path dir) throws IOException {
    // given
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n");
    // when / then
    assertThat(PlatformReadings.statusKb(status, "VmRSS:")).isEqualTo(102400);
    assertThat(PlatformReadings.statusKb(status, "VmHWM:")).isEqualTo(204800);
    assertThat(PlatformReadings.statusKb(status, "VmSwap:")).isEqualTo(-1);
    assertThat(PlatformReadings.statusKb(dir.resolve("missing"), "VmRSS:")).isEqualTo(-1);
  }

  @Test
  void shouldRefuseWhenStoppedBeforeStarted() {
    // given
    ProcessSampler sampler = new ProcessSampler();
    // when / then
    assertThatThrownBy(sampler::stop).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldLeaveOutAChildWhenItSharesItsParentsMemoryBeforeItsExec() {
    // given a child between clone and exec: its parent's executable and virtual size
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when
    boolean shares = PlatformReadings.sharesParentMemory(java, 4_000_500, java, 4_000_000);
    // then
    assertThat(shares).isTrue();
  }

  @Test
  void shouldCountAChildWhenItIsAJvmOfItsOwn() {
    // given a child JVM of the process strategy: same executable, its own (smaller) address space
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when
    boolean shares = PlatformReadings.sharesParentMemory(java, 2_500_000, java, 4_000_000);
    // then
    assertThat(shares).isFalse();
  }

  @Test
  void shouldCountAChildWhenItRunsAnotherExecutable() {
    // given
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when
    boolean shares = PlatformReadings.sharesParentMemory(Path.of("/usr/bin/sleep"), 4_000_000, java, 4_000_000);
    // then
    assertThat(shares).isFalse();
  }

  @Test
  void shouldCountAChildWhenItsFiguresAreUnreadable() {
    // given
    Path java = Path.of("/usr/lib/jvm/some-jdk/bin/java");
    // when / then
    assertThat(PlatformReadings.sharesParentMemory(null, 4_000_000, java, 4_000_000)).isFalse();
    assertThat(PlatformReadings.sharesParentMemory(java, -1, java, 4_000_000)).isFalse();
  }
}
