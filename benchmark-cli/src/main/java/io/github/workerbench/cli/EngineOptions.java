package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.Warmup;
import picocli.CommandLine.Option;

/**
 * The engine and warm-up options of every verb that runs scenarios on an engine ({@code run},
 * {@code test}, {@code benchmark}, {@code benchmark-workloads}): the engine kind and the container
 * engine's image and CPUs, each read the same way everywhere (the option, else its {@code
 * -Dbenchmark.engine…} property, else the default; see {@link EngineSettings#resolve}), and
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
    return EngineSettings.fromSystem(
        engine, engineImage, scope == null ? null : scope.engineScope, engineCpus);
  }

  /** The warm-up before measuring: the standard one, or none with {@code --no-warmup}. */
  Warmup warmup() {
    return noWarmup ? Warmup.none() : Warmup.standard();
  }
}
