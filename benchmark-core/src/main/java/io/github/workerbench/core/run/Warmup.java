package io.github.workerbench.core.run;

import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;

/**
 * How much unmeasured work the runner does before measuring. Before the first scenario of each
 * transport and acquisition, {@code jobs} one-task instances are created and completed through
 * the client as fast as the engine takes them (the client's and the engine's code, and the
 * HTTP, gRPC and JSON code under them); before the first scenario of each strategy on that
 * transport and acquisition, {@link #workerJobs()} more go through the scenario's own worker —
 * its acquisition, strategy and job execution — with 1 ms sleeps as work. So the JIT and the
 * lazily started threads are done before any window opens. A long-running worker is warm; a
 * first repeat without warm-up measures the JIT as well (on a 2-core machine its first repeat
 * ran 5% below the others). The time it takes is recorded in each result as {@code
 * warmup_time}, outside every window.
 *
 * <p>That is enough for a scenario of tens or hundreds of jobs per second, whose harness work is a
 * sliver of a core. A busy scenario ({@link #busy}: an ideal rate of {@value #BUSY_JOBS_PER_SECOND}
 * jobs per second or more) runs the hot path at full speed, and there the JIT's optimizing
 * compiler, still compiling it, took a core from the window: its worker is warmed in rounds of
 * {@link #busyRoundJobs} jobs until the JIT compiles for less than {@value #QUIET_COMPILE_SHARE}
 * of a round's time, for at most {@link #BUSY_BUDGET} ({@code EngineWarmup}).
 *
 * @param jobs the warm-up instances per transport and acquisition; 0 turns warm-up off
 */
public record Warmup(int jobs) {

  /** The standard warm-up: enough jobs for the hot paths to reach the optimizing compiler. */
  public static final int STANDARD_JOBS = 500;

  /** The ideal rate from which a scenario's worker is warmed until the JIT has caught up. */
  public static final int BUSY_JOBS_PER_SECOND = 1_000;

  /** The most jobs of one warm-up round of a busy scenario. */
  public static final int BUSY_ROUND_JOBS = 5_000;

  /** How long a busy scenario's warm-up rounds may go on before the last one starts. */
  public static final Duration BUSY_BUDGET = Duration.ofSeconds(30);

  /** A round in which the JIT compiled for less than this share of its time ends the warm-up. */
  public static final double QUIET_COMPILE_SHARE = 0.1;

  public Warmup {
    if (jobs < 0) {
      throw new IllegalArgumentException("warm-up jobs must not be negative, but was " + jobs);
    }
  }

  /** No warm-up: the first repeat measures a cold JVM, client and engine. */
  public static Warmup none() {
    return new Warmup(0);
  }

  /** {@value #STANDARD_JOBS} jobs per transport and acquisition. */
  public static Warmup standard() {
    return new Warmup(STANDARD_JOBS);
  }

  /** The warm-up instances through each strategy's own worker: half of {@link #jobs()}. */
  public int workerJobs() {
    return jobs / 2;
  }

  /**
   * Whether {@code plan} is busy: its ideal rate (jobs over the ideal time of a repeat) is at
   * least {@value #BUSY_JOBS_PER_SECOND} jobs per second.
   */
  public boolean busy(ScenarioPlan plan, int cores) {
    double seconds = IdealTime.perRepeat(plan, cores).toNanos() / 1e9;
    return seconds > 0 && plan.numInstances() / seconds >= BUSY_JOBS_PER_SECOND;
  }

  /**
   * The jobs of one warm-up round of a busy plan: as many as the plan has, between {@link
   * #workerJobs()} and {@value #BUSY_ROUND_JOBS}.
   */
  public int busyRoundJobs(ScenarioPlan plan) {
    return Math.max(workerJobs(), Math.min(BUSY_ROUND_JOBS, plan.numInstances()));
  }

  /** Whether any warm-up runs. */
  public boolean enabled() {
    return jobs > 0;
  }
}
