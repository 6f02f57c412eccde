package io.github.workerbench.core.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the process in the background while a repeat runs and sums it up as a
 * {@link ProcessUsage}.
 *
 * <p>Every {@value #DEFAULT_PERIOD_MILLIS} ms a daemon thread reads the heap in use and, on
 * Linux, the resident set size of this process ({@code VmRSS} in {@code /proc/self/status}) plus
 * that of its descendants (the child JVMs and commands of the strategies). At {@link #stop()}
 * the peak RSS is the larger of the sampled peak and the kernel's own high-water mark
 * ({@code VmHWM}, which {@link #start()} resets through {@code /proc/self/clear_refs} where the
 * kernel allows; if it cannot, only samples count, since the mark would include earlier runs).
 * CPU time, GC time and the thread peak come from the platform MXBeans as deltas over the
 * window. Heap peaks between samples can be missed: the heap figure is a lower bound.
 *
 * <p>One window per instance: {@link #start()} once, then {@link #stop()} once. Thread-safe.
 */
public final class ProcessSampler {

  static final long DEFAULT_PERIOD_MILLIS = 100;
  private static final double MIB = 1024.0 * 1024.0;
  private static final Path SELF_STATUS = Path.of("/proc/self/status");

  private final Duration period;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private ScheduledExecutorService timer;
  private volatile long heapPeakBytes;
  private volatile long rssPeakKb;
  private long rssStartKb;
  private long cpuStartNanos;
  private long gcStartMillis;
  private boolean hwmReset;
  private boolean rssAvailable;

  /** A sampler reading every 100 ms. */
  public ProcessSampler() {
    this(Duration.ofMillis(DEFAULT_PERIOD_MILLIS));
  }

  /** A sampler reading every {@code period}. */
  public ProcessSampler(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("sampling period must be positive, but was " + period);
    }
    this.period = period;
  }

  /** Resets the peaks, takes the starting readings and starts sampling. */
  public synchronized void start() {
    if (timer != null) {
      throw new IllegalStateException("the sampler has already been started");
    }
    rssStartKb = statusKb(SELF_STATUS, "VmRSS:");
    rssAvailable = rssStartKb >= 0;
    hwmReset = rssAvailable && resetHighWaterMark();
    threads.resetPeakThreadCount();
    cpuStartNanos = processCpuNanos();
    gcStartMillis = gcMillis();
    heapPeakBytes = memory.getHeapMemoryUsage().getUsed();
    rssPeakKb = Math.max(0, rssStartKb);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "workerbench-sampler");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(this::sample, 0, period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops sampling and sums up the window. */
  public synchronized ProcessUsage stop() {
    if (timer == null) {
      throw new IllegalStateException("the sampler has not been started");
    }
    timer.shutdownNow();
    sample();
    long rssEndKb = rssAvailable ? statusKb(SELF_STATUS, "VmRSS:") : 0;
    long peakKb = rssPeakKb;
    if (hwmReset) {
      peakKb = Math.max(peakKb, statusKb(SELF_STATUS, "VmHWM:"));
    }
    return new ProcessUsage(
        heapPeakBytes / MIB,
        rssAvailable ? peakKb / 1024.0 : 0,
        rssAvailable ? (rssEndKb - rssStartKb) / 1024.0 : 0,
        (processCpuNanos() - cpuStartNanos) / 1e9,
        threads.getPeakThreadCount(),
        (gcMillis() - gcStartMillis) / 1e3,
        rssAvailable);
  }

  private void sample() {
    long heap = memory.getHeapMemoryUsage().getUsed();
    if (heap > heapPeakBytes) {
      heapPeakBytes = heap;
    }
    if (rssAvailable) {
      long rss = Math.max(0, statusKb(SELF_STATUS, "VmRSS:")) + descendantsRssKb();
      if (rss > rssPeakKb) {
        rssPeakKb = rss;
      }
    }
  }

  /**
   * The RSS of this process's descendants, leaving out any caught between clone and exec: the
   * JDK starts a child with posix_spawn, whose child shares its parent's memory until it execs,
   * and counting it would count the parent twice (one 20-child round showed 565 MB for 300).
   * Each descendant is compared with its own parent, so a child JVM's commands count right too.
   */
  private static long descendantsRssKb() {
    return ProcessHandle.current()
        .descendants()
        .mapToLong(
            child -> {
              Path proc = Path.of("/proc", Long.toString(child.pid()));
              Path status = proc.resolve("status");
              Path parent =
                  child.parent().map(p -> Path.of("/proc", Long.toString(p.pid()))).orElse(null);
              if (parent != null
                  && sharesParentMemory(
                      exe(proc.resolve("exe")),
                      statusKb(status, "VmSize:"),
                      exe(parent.resolve("exe")),
                      statusKb(parent.resolve("status"), "VmSize:"))) {
                return 0;
              }
              return statusKb(status, "VmRSS:");
            })
        .filter(kb -> kb > 0)
        .sum();
  }

  /**
   * Whether a process is its parent not yet exec'd: the same executable and the same virtual
   * size (within 1%, as the two are read a moment apart). A child JVM of a JVM runs the same
   * executable but has an address space of its own, never of the same size.
   */
  static boolean sharesParentMemory(
      Path childExe, long childSizeKb, Path parentExe, long parentSizeKb) {
    if (childExe == null || parentExe == null || !childExe.equals(parentExe)) {
      return false;
    }
    if (childSizeKb <= 0 || parentSizeKb <= 0) {
      return false;
    }
    return Math.abs(childSizeKb - parentSizeKb) <= parentSizeKb / 100;
  }

  private static Path exe(Path link) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The kB figure of one line of a {@code /proc/<pid>/status} file, or -1 when unreadable. */
  static long statusKb(Path status, String field) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith(field)) {
          String[] parts = line.substring(field.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]);
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean resetHighWaterMark() {
    try {
      // "5" resets the peak RSS (VmHWM) of this process; Linux 4.0 and later
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
