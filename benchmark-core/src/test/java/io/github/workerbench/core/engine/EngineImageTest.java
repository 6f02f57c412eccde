package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineImageTest {

  @TempDir Path folder;

  @Test
  void shouldNameTheLibrariesOutsideTheRuntimeWhenReadingLddOutput() {
    // given what ldd prints for the runtime's libjava.so
    String ldd =
        """
        \tlinux-vdso.so.1 (0x00007ffd6b5f2000)
        \tlibjvm.so => not found
        \tlibjimage.so => /tmp/rt/lib/libjimage.so (0x00007f1c2b000000)
        \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c2ae00000)
        \tlibX11.so.6 => not found
        \t/lib64/ld-linux-x86-64.so.2 (0x00007f1c2b1f0000)
        """;

    // when
    var libraries = JlinkRuntime.linkedLibraries(ldd, Path.of("/tmp/rt"));

    // then the C library and the dynamic loader; nothing absent, nothing of the runtime
    assertThat(libraries)
        .containsExactlyInAnyOrder(
            Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib64/ld-linux-x86-64.so.2"));
  }

  @Test
  void shouldRunTheEngineOnEveryInterfaceAsNobodyWhenTheImageStarts() {
    // when
    String dockerfile = EngineImage.dockerfile();

    // then
    assertThat(dockerfile)
        .startsWith("FROM scratch\nCOPY rootfs/ /\nUSER 65534:65534\n")
        .contains("EXPOSE 26500 8080 9600")
        .contains("\"--all-interfaces\", \"--grpc-port\", \"26500\", \"--rest-port\", \"8080\","
            + " \"--management-port\", \"9600\"");
  }

  @Test
  void shouldChangeTheDigestWhenTheJarChanges() throws Exception {
    // given
    Path jar = Files.writeString(folder.resolve("engine.jar"), "one");
    String before = new EngineImage(null, jar, line -> {}).digest();

    // when
    Files.writeString(jar, "two");
    String after = new EngineImage(null, jar, line -> {}).digest();

    // then
    assertThat(before).hasSize(64).isNotEqualTo(after);
    assertThat(new EngineImage(null, jar, line -> {}).digest()).isEqualTo(after);
  }

  @Test
  void shouldTagTheImageWithTheProjectVersionWhenBuilt() {
    // when / then
    assertThat(EngineImage.versionTag()).matches("workerbench/engine:\\d+\\.\\d+\\.\\d+.*");
    assertThat(EngineImage.LATEST).isEqualTo("workerbench/engine:latest");
  }

  @Test
  void shouldNameTheBuildCommandWhenTheConfiguredJarIsMissing() {
    // given
    String previous = System.getProperty(EngineImage.JAR_PROPERTY);
    System.setProperty(EngineImage.JAR_PROPERTY, folder.resolve("absent.jar").toString());
    try {
      // when / then
      assertThatThrownBy(EngineImage::locateEngineJar)
          .isInstanceOf(EngineStartException.class)
          .hasMessageContaining("absent.jar")
          .hasMessageContaining("./mvnw -pl embedded-engine package");
    } finally {
      if (previous == null) {
        System.clearProperty(EngineImage.JAR_PROPERTY);
      } else {
        System.setProperty(EngineImage.JAR_PROPERTY, previous);
      }
    }
  }
}
