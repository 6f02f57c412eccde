package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.model.scenario.EngineConditions;
import io.github.workerbench.core.run.Warmup;
import picocli.CommandLine.Option;

/**
 * The engine and warm-up options of every verb that runs scenarios on an engine ({@code run},
 * {@code test}, {@code benchmark}, {@code benchmark-workloads}): the engine kind and the container
 * engine's image and CPUs, each read the same way everywhere (the option, else its {@code
 * -Dbenchmark.engine…} property, else the default; see {@link EngineSettings#resolve}), the
 * embedded engine's latency and back-pressure (for every scenario that sets none of its own), and
 * whether to warm up. The verbs that run many scenarios add {@link EngineScopeOption}. A picocli
 * mixin; not thread-safe.
 */
final class EngineOptions {

  @Option(names = "--engine", paramLabel = "KIND",
      description = "embedded, container or remote (default: -Dbenchmark.engine, else embedded).")
  String engine;

  @Option(names = "--engine-image", paramLabel = "IMAGE",
      description = "The container engine's image (default: -Dbenchmark.engine.image, else"
          + " camunda/camunda:8.9.0; ours: workerbench/engine:latest, see bench engine-image).")
  String engineImage;

  @Option(names = "--engine-cpus", paramLabel = "CPUSET",
      description = "Pin the container engine to these CPUs, e.g. 0-1 (default:"
          + " -Dbenchmark.engine.cpus, else every CPU).")
  String engineCpus;

  @Option(names = "--engine-latency-ms", paramLabel = "MS",
      description = "The embedded engine answers every call and pushes every streamed job this"
          + " much later, as a cluster that far away (default 0; a scenario's engine_latency_ms"
          + " wins).")
  long engineLatencyMs;

  @Option(names = "--engine-latency-jitter-ms", paramLabel = "MS",
      description = "Spread of that latency: each delay uniform in latency ± jitter (default 0).")
  long engineLatencyJitterMs;

  @Option(names = "--engine-max-inflight", paramLabel = "N",
      description = "The embedded engine refuses commands beyond N in flight, as Zeebe's"
          + " back-pressure does (RESOURCE_EXHAUSTED over gRPC, a 503 problem over REST; default"
          + " 0: no limit).")
  int engineMaxInflight;

  @Option(names = "--no-warmup",
      description = "Measure a cold JVM: skip the unmeasured warm-up (jobs through the client and"
          + " each strategy's worker) before the first scenario of each kind.")
  boolean noWarmup;

  /**
   * The engine to run on, one per phase unless {@code -Dbenchmark.engine.scope} says otherwise.
   *
   * @throws IllegalArgumentException when a value is not valid, naming its option or property
   */
  EngineSettings settings() {
    return settings(null);
  }

  /**
   * The engine to run on, in the scope {@code scope} gives ({@code null}: the verb has no {@code
   * --engine-scope}, so the property or the default decides).
   *
   * @throws IllegalArgumentException when a value is not valid, naming its option or property
   */
  EngineSettings settings(EngineScopeOption scope) {
    EngineSettings settings =
        EngineSettings.fromSystem(
            engine, engineImage, scope == null ? null : scope.engineScope, engineCpus);
    EngineConditions conditions;
    try {
      conditions = new EngineConditions(engineLatencyMs, engineLatencyJitterMs, engineMaxInflight);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--engine-latency-ms, --engine-latency-jitter-ms, --engine-max-inflight: " + e.getMessage(),
          e);
    }
    return settings.withConditions(conditions);
  }

  /** The warm-up before measuring: the standard one, or none with {@code --no-warmup}. */
  Warmup warmup() {
    return noWarmup ? Warmup.none() : Warmup.standard();
  }
}
