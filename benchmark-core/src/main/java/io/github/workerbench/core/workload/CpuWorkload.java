package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A fixed number of xorshift iterations, as many as one idle core runs in the work duration
 * ({@link CpuCalibration}). Never looks at the clock while working: under contention for cores
 * a job takes longer, as real computation does. The non-blocking form computes on the calling
 * thread (the event loop), so CPU jobs serialize under the async strategy, as they do in the
 * seed. Thread-safe.
 */
public final class CpuWorkload implements Workload {

  /** Keeps the JIT from discarding the computation. */
  private static volatile long sink;

  private final CpuCalibration calibration;

  public CpuWorkload(CpuCalibration calibration) {
    this.calibration = Objects.requireNonNull(calibration, "calibration");
  }

  @Override
  public WorkloadKind kind() {
    return WorkloadKind.CPU;
  }


  @Override
  public void run(Duration duration) {
    sink(spin(calibration.iterationsFor(duration)));
  }

  @Override
  public CompletableFuture<Void> runAsync(Duration duration, AsyncContext context) {
    try {
      run(duration);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Runs the kernel {@code iterations} times and returns its state (feed it to the sink). */
  static long spin(long iterations) {
    long x = 0x9E3779B97F4A7C15L;
    for (long i = 0; i < iterations; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  static void sink(long value) {
    sink ^= value;
  }
}
