package io.github.workerbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --engine-scope} of the verbs that run many scenarios ({@code run}, {@code benchmark},
 * {@code benchmark-workloads}): one engine for consecutive scenarios of a phase, or a fresh one for
 * every scenario. Read by {@link EngineOptions#settings(EngineScopeOption)}. A picocli mixin; not
 * thread-safe.
 */
final class EngineScopeOption {

  @Option(names = "--engine-scope", paramLabel = "SCOPE",
      description = "phase (one engine for consecutive scenarios of a phase) or scenario (a fresh"
          + " engine for every scenario); default: -Dbenchmark.engine.scope, else phase.")
  String engineScope;
}
