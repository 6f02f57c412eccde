package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures and golden files of src/test/resources. */
final class Fixtures {

  /** Set -DupdateGolden=true to rewrite the golden files from the current output (then review). */
  private static final boolean UPDATE = Boolean.getBoolean("updateGolden");

  private Fixtures() {}

  /** Our results file: phases 1 to 8 in small, with hand-picked figures. */
  static ResultsData full() {
    return ResultsReader.parse(resource("fixtures/full_results.json"), "full_results.json");
  }

  /** A file in the seed Python runner's shape: quick suite, jobs_per_second_avg only. */
  static ResultsData seed() {
    return ResultsReader.parse(resource("fixtures/seed_results.json"), "seed_results.json");
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertMatchesGolden(String actual, String golden) {
    if (UPDATE) {
      try {
        Path file = Path.of("src/test/resources/golden", golden);
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // Read from the source tree, so a golden file just rewritten is the one compared.
    try {
      String expected =
          Files.readString(Path.of("src/test/resources/golden", golden), StandardCharsets.UTF_8);
      assertThat(actual).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException("missing golden file " + golden, e);
    }
  }
}
