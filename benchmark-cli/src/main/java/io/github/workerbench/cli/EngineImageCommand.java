package io.github.workerbench.cli;

import io.github.workerbench.core.engine.DockerEnvironment;
import io.github.workerbench.core.engine.DockerUnavailableException;
import io.github.workerbench.core.engine.EngineImage;
import io.github.workerbench.core.engine.EngineStartException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench engine-image}: builds {@code workerbench/engine:<version>} (and {@code :latest})
 * from this machine's JDK and the runnable engine jar, with no registry ({@link EngineImage}).
 * Progress goes to stderr; the last line on stdout is {@code image=workerbench/engine:<version>}.
 * Exit 2 when Docker cannot be used (one line), 1 when the build fails.
 */
@Command(
    name = "engine-image",
    mixinStandardHelpOptions = true,
    description =
        "Builds the workerbench/engine image (FROM scratch: a jlink runtime of this JDK, its"
            + " shared libraries and the engine) and prints image=<tag>.")
public final class EngineImageCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--if-missing",
      description = "Build only when the image is missing or was built from another engine")
  private boolean ifMissing;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    var unsupported = EngineImage.unsupportedReason();
    if (unsupported.isPresent()) {
      return BenchCli.badInput(
          err, "engine-image", "Expected to build the engine image here, but " + unsupported.get());
    }
    try (DockerEnvironment docker = new DockerEnvironment()) {
      EngineImage image =
          new EngineImage(
              docker.client(),
              EngineImage.locateEngineJar(),
              line -> {
                err.println("engine-image: " + line);
                err.flush();
              });
      String tag = ifMissing ? image.ensureBuilt() : image.build();
      spec.commandLine().getOut().println("image=" + tag);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (DockerUnavailableException e) {
      return BenchCli.badInput(err, "engine-image", e.getMessage());
    } catch (EngineStartException e) {
      err.println("bench engine-image: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
