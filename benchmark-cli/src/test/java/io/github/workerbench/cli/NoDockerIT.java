package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container engine where no Docker daemon answers (the one {@code DOCKER_HOST} names does not
 * exist): {@code bench run} and {@code bench engine-image} say so in one line and exit 2 at once,
 * and write nothing.
 */
class NoDockerIT {

  @TempDir Path folder;

  @Test
  void shouldSayThereIsNoDockerInOneLineAndExit2WhenRunOnTheContainerEngine() throws Exception {
    // given
    Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix://" + folder.resolve("absent.sock"));
    Path results = folder.resolve("results.json");
    long start = System.nanoTime();

    // when
    try (ChildBench child =
        ChildBench.start(
            noDocker,
            "run", "--suite", "minimal", "--engine", "container", "--output", results.toString())) {
      int exit = child.awaitExit(Duration.ofSeconds(60));

      // then
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(2);
      List<String> lines = child.stderr().lines().filter(line -> !line.startsWith("WARNING:")).toList();
      assertThat(lines).singleElement().asString()
          .startsWith("bench run: Expected to use Docker for the container engine, but no Docker"
              + " daemon answers (DOCKER_HOST=unix://")
          .endsWith("; or use --engine embedded");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(Files.exists(results)).isFalse();
  }

  @Test
  void shouldSayThereIsNoDockerInOneLineAndExit2WhenBuildingTheImage() throws Exception {
    // given
    Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix://" + folder.resolve("absent.sock"));

    // when
    try (ChildBench child = ChildBench.start(noDocker, "engine-image")) {
      int exit = child.awaitExit(Duration.ofSeconds(60));

      // then
      assertThat(exit).as(child.stdout() + child.stderr()).isEqualTo(2);
      assertThat(child.stderr().lines().filter(line -> !line.startsWith("WARNING:")).toList())
          .singleElement().asString()
          .startsWith("bench engine-image: Expected to use Docker for the container engine");
      assertThat(child.stdout()).doesNotContain("image=");
    }
  }
}
