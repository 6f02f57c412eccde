package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import java.util.concurrent.Future;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.RemoteDockerImage;
import org.testcontainers.utility.DockerImageName;

class DockerEnvironmentTest {

  @Test
  void shouldNameTheImagesTestcontainersReallyUsesWhenCheckingForThem() throws Exception {
    // given the Testcontainers on the class path
    Class<?> ryuk = Class.forName("org.testcontainers.utility.RyukContainer");
    Constructor<?> constructor = ryuk.getDeclaredConstructor();
    constructor.setAccessible(true);
    Field tiny = DockerClientFactory.class.getDeclaredField("TINY_IMAGE");
    tiny.setAccessible(true);

    // when (read from the fields: resolving the image would ask Docker for it)
    Object container = constructor.newInstance();
    Field image = GenericContainer.class.getDeclaredField("image");
    image.setAccessible(true);
    RemoteDockerImage remote = (RemoteDockerImage) image.get(container);
    Field future = RemoteDockerImage.class.getDeclaredField("imageNameFuture");
    future.setAccessible(true);
    String ryukImage =
        ((Future<?>) future.get(remote)).get().toString();
    String tinyImage = ((DockerImageName) tiny.get(null)).asCanonicalNameString();

    // then (an upgrade of Testcontainers that changes them must change the checks too)
    assertThat(DockerImageName.parse(DockerEnvironment.RYUK_IMAGE).asCanonicalNameString())
        .isEqualTo(DockerImageName.parse(ryukImage).asCanonicalNameString());
    assertThat(DockerImageName.parse(DockerEnvironment.TINY_IMAGE).asCanonicalNameString())
        .isEqualTo(tinyImage);
  }

  @Test
  void shouldSayTheDaemonsOwnWordsWhenItAnsweredWithAMessage() {
    // given
    RuntimeException error =
        new RuntimeException(
            "Status 500: {\"message\":\"Get \\\"http://127.0.0.1:1/v2/\\\": dial tcp 127.0.0.1:1:"
                + " connect: connection refused\"}\n");

    // when / then
    assertThat(DockerEnvironment.rootMessage(error))
        .isEqualTo("Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused");
  }

  @Test
  void shouldUseTheReaperUnlessItIsDisabled() {
    // when / then
    assertThat(new DockerEnvironment(Map.of()).reaperEnabled()).isTrue();
    assertThat(new DockerEnvironment(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true")).reaperEnabled())
        .isFalse();
  }

  @Test
  void shouldSayNoDaemonAnswersWhenDockerHostNamesASocketThatIsNotThere() {
    // given a daemon named by DOCKER_HOST that does not exist (Testcontainers would fall back to
    // the default socket, another daemon than the one named)
    long start = System.nanoTime();
    try (DockerEnvironment docker =
        new DockerEnvironment(Map.of("DOCKER_HOST", "unix:///nonexistent/workerbench/docker.sock"))) {
      // when / then
      assertThat(docker.unavailableReason())
          .hasValue(
              "no Docker daemon answers (DOCKER_HOST=unix:///nonexistent/workerbench/docker.sock:"
                  + " there is no socket /nonexistent/workerbench/docker.sock). Start one (on"
                  + " Debian: sudo .ci/docker-up; see README, \"Docker\")");
      assertThatThrownBy(docker::requireAvailable)
          .isInstanceOf(DockerUnavailableException.class)
          .hasMessageStartingWith("Expected to use Docker for the container engine, but no Docker")
          .hasMessageEndingWith("; or use --engine embedded");
    }
    assertThat(System.nanoTime() - start).isLessThan(java.time.Duration.ofSeconds(5).toNanos());
  }

  @Test
  void shouldSayNoDaemonAnswersWhenDockerHostNamesAClosedPort() throws Exception {
    // given
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    // when
    try (DockerEnvironment docker =
        new DockerEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port))) {
      // then
      assertThat(docker.unavailableReason())
          .get()
          .asString()
          .startsWith("no Docker daemon answers (DOCKER_HOST=tcp://127.0.0.1:" + port + ": ");
    }
  }
}
