package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
}
