package io.github.workerbench.core.metrics;

import io.github.workerbench.model.result.RepeatMetrics;

/**
 * What the process used during one sampled window.
 *
 * @param heapPeakMb the largest JVM heap use seen, in MiB
 * @param maxRssMb the peak resident set size of this process and its child processes, in MiB
 * @param rssDeltaMb resident set size at the end minus at the start, in MiB (may be negative)
 * @param cpuSeconds CPU time this JVM spent in the window
 * @param peakThreads the most live JVM threads
 * @param gcSeconds time spent in garbage collection in the window
 * @param rssAvailable whether resident set sizes could be read (Linux {@code /proc}); the RSS
 *     figures are 0 when not
 * @param cpuUtilization the CPU time of the process and its descendants between the window's
 *     opening and closing marks, over that time times the cores (0 when the window was not marked)
 */
public record ProcessUsage(
    double heapPeakMb,
    double maxRssMb,
    double rssDeltaMb,
    double cpuSeconds,
    int peakThreads,
    double gcSeconds,
    boolean rssAvailable,
    double cpuUtilization) {
  /** Sets this usage's figures (heap, RSS, CPU, threads, GC) on a repeat's metrics. */
  public RepeatMetrics.Builder applyTo(RepeatMetrics.Builder metrics) {
    return metrics
        .memoryPeakMb(heapPeakMb)
        .maxRssMb(maxRssMb)
        .rssDeltaMb(rssDeltaMb)
        .cpuSeconds(cpuSeconds)
        .cpuUtilization(cpuUtilization)
        .peakThreads(peakThreads)
        .gcSeconds(gcSeconds);
  }
}
