package io.github.workerbench.core.metrics;

/**
 * What {@link ProcessSampler} reads of the process: cumulative counters (CPU, GC) and gauges
 * (heap, resident set sizes, the thread peak). A seam: {@link PlatformReadings} reads the JVM and
 * {@code /proc}; tests pass fakes. Implementations must be thread-safe.
 */
interface ProcessReadings {

  /** The JVM heap in use, in bytes. */
  long heapUsedBytes();

  /** This JVM's CPU time so far, in nanoseconds. */
  long cpuNanos();

  /**
   * The CPU time so far of this process and its descendants, live and ended, in nanoseconds:
   * what competes with the work for the cores.
   */
  long treeCpuNanos();

  /** The time spent in garbage collection so far, in milliseconds. */
  long gcMillis();

  /** Starts counting the thread peak afresh from the live threads. */
  void resetPeakThreads();

  /** The most live threads since the last reset. */
  int peakThreads();

  /** This process's resident set size in kB, or -1 when it cannot be read (not Linux). */
  long rssKb();

  /** The resident set size of this process's descendants in kB. */
  long descendantsRssKb();

  /** Resets the kernel's high-water mark of the resident set; whether it could. */
  boolean resetHighWaterMark();

  /** The kernel's high-water mark of the resident set since its reset, in kB, or -1. */
  long highWaterMarkKb();
}
