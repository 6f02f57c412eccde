package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineCeiling;
import io.github.workerbench.core.run.HarnessCeiling;
import io.github.workerbench.model.scenario.TransportKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench engine-bench}: the embedded engine's ceiling ({@link EngineCeiling}), per transport
 * a discarded warm-up run and a measured one, then the same jobs through the harness's own worker
 * path with no work ({@link HarnessCeiling}), whose CPU per job ({@code harness_cpu_per_job_us})
 * is printed next to the engine's ({@code engine_cpu_per_job_us}). The last line is {@code
 * jobs_per_second=<n>}, the engine's (for {@code all}: the last transport's figure).
 */
@Command(
    name = "engine-bench",
    description =
        "Measures the embedded engine's job throughput with a no-op worker, and the CPU per job of"
            + " the harness's own worker path on the same jobs.")
public final class EngineBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--transport", defaultValue = "grpc-stream",
      description = "rest, grpc-poll, grpc-stream or all; default ${DEFAULT-VALUE}")
  String transport;

  @Option(names = "--jobs", defaultValue = "10000",
      description = "jobs per measured run; default ${DEFAULT-VALUE}")
  int jobs;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    EngineCeiling ceiling;
    HarnessCeiling harness;
    List<TransportKind> selected;
    try {
      ceiling = new EngineCeiling(jobs);
      harness = new HarnessCeiling(jobs);
      selected = transports();
    } catch (IllegalArgumentException e) {
      return BenchCli.badInput(spec.commandLine().getErr(), "engine-bench", e.getMessage());
    }
    double last = 0;
    for (TransportKind kind : selected) {
      EngineCeiling.Result result = ceiling.measure(kind);
      out.printf(
          Locale.ROOT,
          "%s warm-up (discarded): %.0f jobs/s%n",
          kind.id(),
          result.warmup().jobsPerSecond());
      last = result.measured().jobsPerSecond();
      out.printf(
          Locale.ROOT,
          "%s: %d jobs, %.0f jobs/s, %.1f ms CPU per 1000 jobs (whole process)%n",
          kind.id(),
          result.jobs(),
          last,
          result.measured().cpuMillisPer1000Jobs());
      out.flush();
      HarnessCeiling.Result path = harness.measure(kind);
      out.printf(
          Locale.ROOT,
          "%s harness path (direct, virtual, no work) warm-up (discarded): %.0f jobs/s%n",
          kind.id(),
          path.warmup().jobsPerSecond());
      out.printf(
          Locale.ROOT,
          "%s harness path: %d jobs, %.0f jobs/s, engine_cpu_per_job_us=%.1f"
              + " harness_cpu_per_job_us=%.1f (whole process)%n",
          kind.id(),
          path.jobs(),
          path.measured().jobsPerSecond(),
          result.measured().cpuMillisPer1000Jobs(),
          path.cpuMicrosPerJob());
      out.flush();
    }
    out.printf(Locale.ROOT, "jobs_per_second=%.0f%n", last);
    out.flush();
    return 0;
  }

  private List<TransportKind> transports() {
    if (transport.equals("all")) {
      return EngineCeiling.ALL;
    }
    try {
      return List.of(TransportKind.fromId(transport));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--transport: " + e.getMessage() + " or all", e);
    }
  }
}
