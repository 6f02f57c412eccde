package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark tests on the container engine where no Docker daemon answers (the one {@code
 * DOCKER_HOST} names does not exist), in a JVM of their own: the factory is skipped with the
 * reason, at once, and no results file is written.
 */
class NoDockerSkipIT {

  @TempDir Path folder;

  @Test
  void shouldSkipTheFactoryWithTheReasonAndAtOnceWhenNoDockerAnswers() throws Exception {
    // given
    Path results = folder.resolve("results.json");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FactoryWithoutDockerMain.class.getName(),
                results.toString())
            .redirectErrorStream(true);
    builder.environment().put("DOCKER_HOST", "unix://" + folder.resolve("absent.sock"));
    long start = System.nanoTime();

    // when
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

    // then
    assertThat(output.lines().filter(line -> line.startsWith(FactoryWithoutDockerMain.OUTCOME)))
        .as(output)
        .singleElement()
        .asString()
        .startsWith(
            "FACTORY ABORTED Skipped: the container engine cannot run here: no Docker daemon"
                + " answers (DOCKER_HOST=unix://");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(Files.exists(results)).isFalse();
  }
}
