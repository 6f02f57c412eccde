package io.github.workerbench.core.run;

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
 * @param jobs the warm-up instances per transport and acquisition; 0 turns warm-up off
 */
public record Warmup(int jobs) {

  /** The standard warm-up: enough jobs for the hot paths to reach the optimizing compiler. */
  public static final int STANDARD_JOBS = 500;

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

  /** Whether any warm-up runs. */
  public boolean enabled() {
    return jobs > 0;
  }
}
