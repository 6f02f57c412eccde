package io.github.workerbench.core.workload;

import io.github.workerbench.model.scenario.WorkloadKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The work one job does, in a blocking form (for thread, virtual-thread and process strategies)
 * and a non-blocking form (for the event loop). The strategy decides where the work runs; the
 * workload only does it.
 *
 * <p>Implementations are small, stateless and thread-safe: one instance serves every job of a
 * repeat. A failing run throws (blocking) or completes exceptionally (non-blocking); it never
 * logs per run above DEBUG.
 */
public interface Workload {

  /** The kind this workload implements. */
  WorkloadKind kind();

  /**
   * Whether the work keeps a core busy (cpu work; the rest waits): {@code auto} resolves such work
   * to a bounded thread pool and everything else to virtual threads.
   */
  default boolean cpuBound() {
    return kind() == WorkloadKind.CPU;
  }

  /**
   * Does the work on the calling thread and returns when it has ended.
   *
   * @param duration the job's work duration
   * @throws Exception when the work failed, or {@link InterruptedException} when interrupted
   */
  void run(Duration duration) throws Exception;

  /**
   * Starts the work without blocking the calling thread (except for CPU work, which runs on the
   * caller by design) and returns a future that completes when it has ended.
   *
   * @param duration the job's work duration
   * @param context the executors the non-blocking form may use
   */
  CompletableFuture<Void> runAsync(Duration duration, AsyncContext context);

  /**
   * The workload of a kind.
   *
   * @param kind the workload kind
   * @param calibration the CPU calibration, used only by {@link WorkloadKind#CPU}
   */
  static Workload of(WorkloadKind kind, CpuCalibration calibration) {
    return switch (kind) {
      case CPU -> new CpuWorkload(calibration);
      case IO -> new FileIoWorkload();
      case SUBPROCESS -> new SubprocessWorkload();
      case SUBPROCESS_THREADED -> new ThreadedSubprocessWorkload();
      case SLEEP -> new SleepWorkload();
    };
  }
}
