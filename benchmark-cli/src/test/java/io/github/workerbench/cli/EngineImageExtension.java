package io.github.workerbench.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import io.github.workerbench.core.engine.DockerEnvironment;
import io.github.workerbench.core.engine.EngineImage;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's image for a container test class, registered as a static {@code
 * RegisterExtension} field: before the class's own {@code BeforeAll} it opens Docker and builds
 * the image when it is missing; each test, not the class, is skipped with the reason where the
 * container engine cannot run (a skipped class would show no reason in the report); Docker is
 * closed after the class's own {@code AfterAll}.
 */
final class EngineImageExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private DockerEnvironment docker;
  private Optional<String> unavailable = Optional.of("Docker was not opened");
  private String image;

  @Override
  public void beforeAll(ExtensionContext context) {
    docker = new DockerEnvironment();
    unavailable = docker.unavailableReason().or(EngineImage::unsupportedReason);
    if (unavailable.isEmpty()) {
      image = new EngineImage(docker.client(), EngineImage.locateEngineJar(), line -> {}).ensureBuilt();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    assumeTrue(
        unavailable.isEmpty(),
        () -> "Skipped: the container engine cannot run here: " + unavailable.get());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (docker != null) {
      docker.close();
    }
  }

  /** Whether the container engine can run here. */
  boolean available() {
    return unavailable.isEmpty();
  }

  /** The built image's name; only when {@link #available()}. */
  String image() {
    return image;
  }

  /** The Docker client; only when {@link #available()}. */
  DockerClient client() {
    return docker.client();
  }
}
