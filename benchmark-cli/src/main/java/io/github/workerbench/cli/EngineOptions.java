package io.github.workerbench.cli;

import io.github.workerbench.core.engine.EngineSettings;
import io.github.workerbench.core.run.Warmup;
import picocli.CommandLine.Option;

/**
 * The engine and warm-up options of every verb that runs scenarios on an engine ({@code run},
 * {@code test}, {@code benchmark}, {@code benchmark-workloads}): the engine kind, read the same
 * way everywhere ({@code --engine}, else {@code -Dbenchmark.engine}, else embedded; see {@link
 * EngineSettings#fromSystem}), and whether to warm up. A picocli mixin; not thread-safe.
 */
final class EngineOptions {

  @Option(names = "--engine", paramLabel = "KIND",
      description = "embedded, container or remote (default: -Dbenchmark.engine, else embedded).")
  String engine;

  @Option(names = "--no-warmup",
      description = "Measure a cold JVM: skip the unmeasured warm-up (jobs through the client and"
          + " each strategy's worker) before the first scenario of each kind.")
  boolean noWarmup;

  /**
   * The engine to run on.
   *
   * @throws IllegalArgumentException when the engine kind is unknown
   */
  EngineSettings settings() {
    try {
      return EngineSettings.fromSystem(engine);
    } catch (IllegalArgumentException e) {
      String source = engine != null ? "--engine" : "-D" + EngineSettings.ENGINE_PROPERTY;
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** The warm-up before measuring: the standard one, or none with {@code --no-warmup}. */
  Warmup warmup() {
    return noWarmup ? Warmup.none() : Warmup.standard();
  }
}
