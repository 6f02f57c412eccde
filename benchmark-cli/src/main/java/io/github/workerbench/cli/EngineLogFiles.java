package io.github.workerbench.cli;

import io.github.workerbench.core.run.EngineLogSink;
import io.github.workerbench.model.result.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failed scenario's engine log (the container's last lines) in a file, so the container
 * can be removed and its last words still be read: beside the results file ({@code results.json}
 * gets {@code results-engine-logs/<scenario>.log}), or, for a verb that writes none, in a folder of
 * its own under the system's temporary folder, made at the first failure. A file that cannot be
 * written is a warning, never a lost result. Only the container engine has a log to keep.
 *
 * <p>Not thread-safe: called on the runner's thread, after each failed scenario.
 */
final class EngineLogFiles implements EngineLogSink {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final Supplier<Path> folders;
  private Path folder;

  private EngineLogFiles(Supplier<Path> folders) {
    this.folders = folders;
  }

  /** Logs beside {@code results}: {@code <name>-engine-logs/}. */
  static EngineLogFiles beside(Path results) {
    String name = results.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    Path folder = results.resolveSibling(base + "-engine-logs");
    return new EngineLogFiles(() -> folder);
  }

  /**
   * Logs beside {@code results} when there is one ({@code null}: none), else in a new temporary
   * folder.
   */
  static EngineLogFiles besideOrTemporary(Path results) {
    if (results != null) {
      return beside(results);
    }
    return new EngineLogFiles(
        () -> {
          try {
            return Files.createTempDirectory("workerbench-engine-logs-");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public String keep(ScenarioResult failed, List<String> lines) {
    Path file = null;
    try {
      if (folder == null) {
        folder = folders.get();
      }
      file = folder.resolve(failed.name().replaceAll("[^A-Za-z0-9_.-]", "_") + ".log");
      Files.createDirectories(folder);
      Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      LOG.warn(
          "Could not keep the engine log of '{}' in {}: {}",
          failed.name(),
          file != null ? file : "a temporary folder",
          e.toString());
      return null;
    }
    return "the engine's last " + lines.size() + " log lines are in " + file;
  }
}
