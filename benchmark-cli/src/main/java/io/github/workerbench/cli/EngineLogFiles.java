package io.github.workerbench.cli;

import io.github.workerbench.core.result.ScenarioResult;
import io.github.workerbench.core.run.EngineLogSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failed scenario's engine log (the container's last lines) beside the results file:
 * {@code results.json} gets {@code results-engine-logs/<scenario>.log}, so the container can be
 * removed and its last words still be read. A file that cannot be written is a warning, never a
 * lost result.
 */
final class EngineLogFiles implements EngineLogSink {

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final Path folder;

  EngineLogFiles(Path results) {
    String name = results.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    this.folder = results.resolveSibling(base + "-engine-logs");
  }

  @Override
  public String keep(ScenarioResult failed, List<String> lines) {
    Path file = folder.resolve(failed.name().replaceAll("[^A-Za-z0-9_.-]", "_") + ".log");
    try {
      Files.createDirectories(folder);
      Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warn("Could not keep the engine log of '{}' in {}: {}", failed.name(), file, e.toString());
      return null;
    }
    return "the engine's last " + lines.size() + " log lines are in " + file;
  }
}
