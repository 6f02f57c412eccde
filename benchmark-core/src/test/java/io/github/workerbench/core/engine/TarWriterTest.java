package io.github.workerbench.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The archive read back by the system's tar, as Docker's own reader would read it. */
@EnabledOnOs(OS.LINUX)
class TarWriterTest {

  @TempDir Path folder;

  @Test
  void shouldGiveEachEntryItsModeOwnerAndContentWhenReadBackByTar() throws Exception {
    // given a file with a known time
    Path source = Files.writeString(folder.resolve("java"), "#!binary\n");
    Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
    Path archive = folder.resolve("context.tar");
    String longName = "rootfs/" + "deep/".repeat(25) + "libsomething.so";

    // when
    try (TarWriter tar = new TarWriter(Files.newOutputStream(archive), 1_700_000_000L)) {
      tar.directory("rootfs", 0755);
      tar.directory("rootfs/tmp", 01777);
      tar.file("rootfs/java", 0755, source);
      tar.file("Dockerfile", 0644, "FROM scratch\n".getBytes(StandardCharsets.UTF_8));
      tar.file(longName, 0644, "x".getBytes(StandardCharsets.UTF_8));
    }

    // then
    List<String> listing =
        run("tar", "--numeric-owner", "--full-time", "-tvf", archive.toString()).lines().toList();
    assertThat(listing).hasSize(5);
    assertThat(listing.get(0)).startsWith("drwxr-xr-x 0/0").endsWith(" rootfs/");
    assertThat(listing.get(1)).startsWith("drwxrwxrwt 0/0").endsWith(" rootfs/tmp/");
    assertThat(listing.get(2))
        .startsWith("-rwxr-xr-x 0/0")
        .contains(" 9 2026-01-02 03:04:05 ")
        .endsWith(" rootfs/java");
    assertThat(listing.get(3)).startsWith("-rw-r--r-- 0/0").endsWith(" Dockerfile");
    assertThat(listing.get(4)).endsWith(" " + longName);
    Path out = Files.createDirectory(folder.resolve("out"));
    run("tar", "-xf", archive.toString(), "-C", out.toString());
    assertThat(Files.readString(out.resolve("rootfs/java"))).isEqualTo("#!binary\n");
    assertThat(Files.readString(out.resolve(longName))).isEqualTo("x");
  }

  @Test
  void shouldRefuseANameThatNoTarHeaderHolds() {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TarWriter tar = new TarWriter(bytes, 0);

    // when / then
    assertThatThrownBy(() -> tar.file("x".repeat(120), 0644, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is too long for a tar entry");
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
