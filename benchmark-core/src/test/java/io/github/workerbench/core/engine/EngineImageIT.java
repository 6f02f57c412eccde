package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.command.InspectImageResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image {@code ./bench engine-image} builds: from nothing, at most 200 MB, run as nobody on
 * every interface, labelled with the jar it was built from, and not built again while that jar
 * is the same. Skipped, with the reason, where Docker cannot be used.
 */
class EngineImageIT {

  private static DockerEnvironment docker;
  private static Optional<String> unavailable;

  @BeforeAll
  static void checkDocker() {
    docker = new DockerEnvironment();
    unavailable = docker.unavailableReason().or(EngineImage::unsupportedReason);
  }

  /** Each test, not the class, is skipped: a skipped class would show no reason in the report. */
  @BeforeEach
  void requireDocker() {
    assumeTrue(
        unavailable.isEmpty(), () -> "Skipped: Docker cannot be used here: " + unavailable.get());
  }

  @AfterAll
  static void closeDocker() {
    if (docker != null) {
      docker.close();
    }
  }

  @Test
  void shouldBeASmallImageOfNothingButTheEngineWhenBuilt() {
    // given
    EngineImage builder =
        new EngineImage(docker.client(), EngineImage.locateEngineJar(), line -> {});

    // when
    String tag = builder.ensureBuilt();

    // then
    InspectImageResponse image = docker.client().inspectImageCmd(tag).exec();
    assertThat(image.getSize()).as("bytes").isLessThanOrEqualTo(200L * 1000 * 1000);
    assertThat(image.getRepoTags()).contains(EngineImage.versionTag(), EngineImage.LATEST);
    assertThat(image.getConfig().getUser()).isEqualTo("65534:65534");
    assertThat(image.getConfig().getEntrypoint()).contains("--all-interfaces");
    assertThat(image.getConfig().getLabels()).containsEntry(EngineImage.DIGEST_LABEL, builder.digest());
    assertThat(image.getRootFS().getLayers()).as("FROM scratch: one layer of our files").hasSize(1);
  }

  @Test
  void shouldNotBuildAgainWhenTheJarIsTheSame() {
    // given an image built from this jar
    List<String> progress = new ArrayList<>();
    EngineImage builder =
        new EngineImage(docker.client(), EngineImage.locateEngineJar(), progress::add);
    String id = docker.client().inspectImageCmd(builder.ensureBuilt()).exec().getId();
    progress.clear();

    // when
    String tag = builder.ensureBuilt();

    // then
    assertThat(docker.client().inspectImageCmd(tag).exec().getId()).isEqualTo(id);
    assertThat(progress).singleElement().asString().contains("is up to date");
  }
}
