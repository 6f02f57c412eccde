package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineCeiling;
import io.github.workerbench.core.run.HarnessCeiling;
import io.github.workerbench.engine.EngineAccess;
import io.github.workerbench.engine.auth.AuthMode;
import io.github.workerbench.engine.auth.EngineCredentials;
import io.github.workerbench.model.scenario.TransportKind;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench engine-bench}: the embedded engine's ceiling ({@link EngineCeiling}), per transport
 * a discarded warm-up run and a measured one, on an engine open or requiring credentials ({@code
 * --auth}, {@code --token-lifetime}, {@code --tls}: what authentication and TLS cost). Credentials
 * come from the {@code WORKERBENCH_ENGINE_*} variables when set, else are made up for the run
 * (engine and client are both this process). On an open engine, the same jobs then go through the
 * harness's own worker path with no work ({@link HarnessCeiling}), whose CPU per job ({@code
 * harness_cpu_per_job_us}) is printed next to the engine's ({@code engine_cpu_per_job_us}). The
 * last line is {@code jobs_per_second=<n>}, the engine's (for {@code all}: the last transport's
 * figure).
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

  @Option(names = "--auth", defaultValue = "none", paramLabel = "none|basic|oauth",
      description = "credentials every call carries (as bench engine --auth); default ${DEFAULT-VALUE}")
  String auth;

  @Option(names = "--token-lifetime", paramLabel = "SECONDS",
      description = "how long a token is valid (--auth oauth); default 300")
  Long tokenLifetimeSeconds;

  @Option(names = "--tls", description = "gRPC and REST over TLS, as bench engine --tls")
  boolean tls;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    EngineCeiling ceiling;
    HarnessCeiling harness;
    List<TransportKind> selected;
    try {
      ceiling = new EngineCeiling(jobs, access());
      // the harness's path runs on an open engine: beside a secured one it would not compare
      harness = AuthMode.fromId(auth) == AuthMode.NONE && !tls ? new HarnessCeiling(jobs) : null;
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
      if (result.tokensIssued() > 0) {
        out.printf(Locale.ROOT, "%s: %d tokens issued (token requests, not jobs)%n", kind.id(), result.tokensIssued());
      }
      out.flush();
      if (harness == null) {
        continue;
      }
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

  /**
   * The engine's access: credentials from the environment as {@code bench engine} reads them, or,
   * when neither variable of the pair is set, made up for this run.
   */
  private EngineAccess access() {
    AuthMode mode = AuthMode.fromId(auth);
    Map<String, String> environment = new HashMap<>(System.getenv());
    List<String> pair =
        switch (mode) {
          case NONE -> List.of();
          case BASIC -> List.of(EngineCredentials.USERNAME_VARIABLE, EngineCredentials.PASSWORD_VARIABLE);
          case OAUTH -> List.of(EngineCredentials.CLIENT_ID_VARIABLE, EngineCredentials.CLIENT_SECRET_VARIABLE);
        };
    if (!pair.isEmpty() && pair.stream().noneMatch(environment::containsKey)) {
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      environment.put(pair.get(0), "engine-bench");
      environment.put(pair.get(1), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
    return EngineAccess.fromOptions(
        mode, tokenLifetimeSeconds == null ? null : Duration.ofSeconds(tokenLifetimeSeconds), null, tls, environment);
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
