package io.github.workerbench.core.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's readings from the platform: the heap, the thread peak, CPU and GC time from the
 * JVM's MXBeans; the resident set sizes and the CPU time of this process and its descendants from
 * Linux's {@code /proc} ({@code -1}, or the JVM's CPU only, elsewhere). Thread-safe.
 */
final class PlatformReadings implements ProcessReadings {

  private static final Path SELF_STATUS = Path.of("/proc/self/status");

  /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture it supports. */
  private static final long NANOS_PER_TICK = 10_000_000;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();

  @Override
  public long heapUsedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Override
  public void resetPeakThreads() {
    threads.resetPeakThreadCount();
  }

  @Override
  public int peakThreads() {
    return threads.getPeakThreadCount();
  }

  @Override
  public long rssKb() {
    return statusKb(SELF_STATUS, "VmRSS:");
  }

  @Override
  public long highWaterMarkKb() {
    return statusKb(SELF_STATUS, "VmHWM:");
  }

  /**
   * The RSS of this process's descendants, leaving out any caught between clone and exec: the
   * JDK starts a child with posix_spawn, whose child shares its parent's memory until it execs,
   * and counting it would count the parent twice (one 20-child round showed 565 MB for 300).
   * Each descendant is compared with its own parent, so a child JVM's commands count right too.
   */
  @Override
  public long descendantsRssKb() {
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

  @Override
  public boolean resetHighWaterMark() {
    try {
      // "5" resets the peak RSS (VmHWM) of this process; Linux 4.0 and later
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /**
   * On Linux, from {@code /proc}: this process's user and system time and those of the children
   * it has waited for ({@code utime, stime, cutime, cstime} of {@code /proc/self/stat}), plus the
   * same four of every live descendant (a live process's ended children are in its own {@code
   * cutime}, so nothing counts twice). In clock ticks of 1/100 s, the kernel's fixed {@code
   * USER_HZ}. Elsewhere, or when {@code /proc} cannot be read: this JVM's CPU time only.
   */
  @Override
  public long treeCpuNanos() {
    long self = statTicks(Path.of("/proc/self/stat"));
    if (self < 0) {
      return cpuNanos();
    }
    long descendants =
        ProcessHandle.current()
            .descendants()
            .mapToLong(child -> statTicks(Path.of("/proc", Long.toString(child.pid()), "stat")))
            .filter(ticks -> ticks > 0)
            .sum();
    return (self + descendants) * NANOS_PER_TICK;
  }

  /** utime + stime + cutime + cstime of a {@code /proc/<pid>/stat} file, or -1 when unreadable. */
  static long statTicks(Path stat) {
    try {
      String text = Files.readString(stat, StandardCharsets.US_ASCII);
      // the command name (field 2) is in parentheses and may hold spaces: count after its end
      String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
      // fields[0] is field 3 (state), so utime (field 14) is fields[11]
      return Long.parseLong(fields[11])
          + Long.parseLong(fields[12])
          + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
