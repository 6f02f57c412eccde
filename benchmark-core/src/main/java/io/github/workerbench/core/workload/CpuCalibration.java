package io.github.workerbench.core.workload;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many iterations of the {@link CpuWorkload} kernel one core runs per second, measured once
 * and cached, so a CPU job is a fixed amount of computation rather than a wall-clock loop: when
 * jobs contend for cores they take longer, which is what the cpu workload must show.
 *
 * <p>Algorithm: warm the kernel up until the JIT has compiled it, grow a chunk of iterations
 * until one run takes at least a quarter of the sample time, then time several runs of the chunk
 * and keep the fastest (the least disturbed, i.e. closest to an idle core).
 *
 * <p>Thread-safe: the first caller measures, everyone else reads the cached rate without taking
 * a lock (every CPU job asks for its iterations, so that read is on the measured path).
 */
public final class CpuCalibration {

  private static final int SAMPLES = 5;

  private final LongSupplier nanoClock;
  private final long sampleNanos;
  /** 0 until measured; written once, under the lock. */
  private volatile double iterationsPerSecond;
  private Duration measuringTime = Duration.ZERO;

  private CpuCalibration(LongSupplier nanoClock, long sampleNanos, double iterationsPerSecond) {
    this.nanoClock = nanoClock;
    this.sampleNanos = sampleNanos;
    this.iterationsPerSecond = iterationsPerSecond;
  }

  /** A calibration measured on first use with samples of about 20 ms (about 0.2 s in all). */
  public static CpuCalibration lazy() {
    return new CpuCalibration(System::nanoTime, Duration.ofMillis(20).toNanos(), 0);
  }

  /**
   * A calibration with a known rate, e.g. the parent's rate handed to a child JVM.
   *
   * @throws IllegalArgumentException when the rate is not a positive finite number
   */
  public static CpuCalibration fixed(double iterationsPerSecond) {
    if (!(iterationsPerSecond > 0) || Double.isInfinite(iterationsPerSecond)) {
      throw new IllegalArgumentException(
          "iterations per second must be greater than 0, but was " + iterationsPerSecond);
    }
    return new CpuCalibration(System::nanoTime, 0, iterationsPerSecond);
  }

  /** Kernel iterations one idle core runs per second; measures on the first call. */
  public double iterationsPerSecond() {
    double rate = iterationsPerSecond;
    return rate != 0 ? rate : measureOnce();
  }

  private synchronized double measureOnce() {
    if (iterationsPerSecond == 0) {
      long start = nanoClock.getAsLong();
      double measured = measure();
      measuringTime = Duration.ofNanos(nanoClock.getAsLong() - start);
      // published last, so a reader that sees the rate also sees the measuring time
      iterationsPerSecond = measured;
    }
    return iterationsPerSecond;
  }

  /** The iterations that take {@code duration} on one idle core; at least 1. */
  public long iterationsFor(Duration duration) {
    double iterations = iterationsPerSecond() * (duration.toNanos() / 1e9);
    return Math.max(1, Math.round(iterations));
  }

  /** The time the measurement took (zero before it ran or for a fixed rate). */
  public synchronized Duration measuringTime() {
    return measuringTime;
  }

  private double measure() {
    for (int i = 0; i < 50; i++) {
      CpuWorkload.sink(CpuWorkload.spin(20_000));
    }
    long chunk = 1 << 14;
    while (chunk < (1L << 40) && timeOf(chunk) < sampleNanos / 4) {
      chunk <<= 1;
    }
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < SAMPLES; i++) {
      fastest = Math.min(fastest, timeOf(chunk));
    }
    return chunk * 1e9 / Math.max(1, fastest);
  }

  private long timeOf(long iterations) {
    long start = nanoClock.getAsLong();
    CpuWorkload.sink(CpuWorkload.spin(iterations));
    return nanoClock.getAsLong() - start;
  }
}
