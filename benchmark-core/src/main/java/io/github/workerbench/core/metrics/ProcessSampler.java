package io.github.workerbench.core.metrics;

import java.time.Duration;
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
 * <p>The measured window inside the sampled one is marked ({@link #windowOpened}, {@link
 * #windowClosed}): the CPU time of the process and its descendants between the marks, over their
 * distance times the cores, is the utilization that tells a harness-bound repeat.
 *
 * <p>One window per instance: {@link #start()} once, then {@link #stop()} once. Thread-safe.
 */
public final class ProcessSampler {

  static final long DEFAULT_PERIOD_MILLIS = 100;
  private static final double MIB = 1024.0 * 1024.0;

  private final Duration period;
  private final ProcessReadings readings;
  private final int cores;
  private ScheduledExecutorService timer;
  private long openedNanos;
  private long openedTreeCpuNanos = -1;
  private double cpuUtilization;
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
    this(period, new PlatformReadings());
  }

  /** A sampler taking its readings from {@code readings}, e.g. fakes in tests. */
  ProcessSampler(Duration period, ProcessReadings readings) {
    this(period, readings, Runtime.getRuntime().availableProcessors());
  }

  /** A sampler taking its readings from {@code readings} on a machine of {@code cores} cores. */
  ProcessSampler(Duration period, ProcessReadings readings, int cores) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("sampling period must be positive, but was " + period);
    }
    if (cores <= 0) {
      throw new IllegalArgumentException("cores must be greater than 0, but was " + cores);
    }
    this.period = period;
    this.readings = readings;
    this.cores = cores;
  }

  /** The measured window opened at {@code nanos} (the run's nano clock). */
  public synchronized void windowOpened(long nanos) {
    openedNanos = nanos;
    openedTreeCpuNanos = readings.treeCpuNanos();
  }

  /**
   * The measured window closed at {@code nanos}: the utilization over the marks is taken now. A
   * close without an open, or at the same instant, leaves it 0.
   */
  public synchronized void windowClosed(long nanos) {
    if (openedTreeCpuNanos < 0 || nanos <= openedNanos) {
      return;
    }
    long cpu = readings.treeCpuNanos() - openedTreeCpuNanos;
    cpuUtilization = Math.max(0, cpu) / ((double) (nanos - openedNanos) * cores);
  }

  /** Resets the peaks, takes the starting readings and starts sampling. */
  public synchronized void start() {
    if (timer != null) {
      throw new IllegalStateException("the sampler has already been started");
    }
    rssStartKb = readings.rssKb();
    rssAvailable = rssStartKb >= 0;
    hwmReset = rssAvailable && readings.resetHighWaterMark();
    readings.resetPeakThreads();
    cpuStartNanos = readings.cpuNanos();
    gcStartMillis = readings.gcMillis();
    heapPeakBytes = readings.heapUsedBytes();
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
    long rssEndKb = rssAvailable ? readings.rssKb() : 0;
    long peakKb = rssPeakKb;
    if (hwmReset) {
      peakKb = Math.max(peakKb, readings.highWaterMarkKb());
    }
    return new ProcessUsage(
        heapPeakBytes / MIB,
        rssAvailable ? peakKb / 1024.0 : 0,
        rssAvailable ? (rssEndKb - rssStartKb) / 1024.0 : 0,
        (readings.cpuNanos() - cpuStartNanos) / 1e9,
        readings.peakThreads(),
        (readings.gcMillis() - gcStartMillis) / 1e3,
        rssAvailable,
        cpuUtilization);
  }

  private void sample() {
    long heap = readings.heapUsedBytes();
    if (heap > heapPeakBytes) {
      heapPeakBytes = heap;
    }
    if (rssAvailable) {
      long rss = Math.max(0, readings.rssKb()) + readings.descendantsRssKb();
      if (rss > rssPeakKb) {
        rssPeakKb = rss;
      }
    }
  }
}
