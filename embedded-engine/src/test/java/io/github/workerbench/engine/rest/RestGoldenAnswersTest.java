package io.github.workerbench.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.workerbench.engine.ApiVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every REST answer of one fixed conversation ({@link RestExchanges}: every route, with success
 * and refusals) against its golden file, {@code golden/<version>/<name>.http}: the request line,
 * the status and content type, the body pretty-printed with its fields in the order sent, so a
 * field appearing, vanishing, turning null or moving shows in review. 8.9's files carry every
 * field with its nulls; 8.8's leave out the null ones and those 8.8 does not know.
 *
 * <p>To rewrite the files after an intended change, run with {@code
 * -Dgolden.write=<embedded-engine>/src/test/resources/io/github/workerbench/engine/rest/golden};
 * the test then fails, so the new files are reviewed before they count.
 */
class RestGoldenAnswersTest {

  private static final ObjectWriter PRETTY =
      new ObjectMapper()
          .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void shouldAnswerEveryRouteAsItsGoldenFileWhenTheConversationRuns(ApiVersion version) throws Exception {
    // given
    List<RestExchanges.Exchange> exchanges = RestExchanges.run(version);

    // when
    String target = System.getProperty("golden.write");
    if (target != null) {
      Path folder = Files.createDirectories(Path.of(target, version.id()));
      for (RestExchanges.Exchange exchange : exchanges) {
        Files.writeString(folder.resolve(exchange.name() + ".http"), rendered(exchange), StandardCharsets.UTF_8);
      }
      fail("wrote %d golden files to %s: review them, then run without golden.write", exchanges.size(), folder);
    }

    // then
    Path folder = golden(version);
    for (RestExchanges.Exchange exchange : exchanges) {
      Path file = folder.resolve(exchange.name() + ".http");
      assertThat(file).as("golden file of %s (%s)", exchange.name(), exchange.request()).exists();
      assertThat(rendered(exchange))
          .as("%s answer to %s (%s)", version.id(), exchange.request(), file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString().replace(".http", "")))
          .as("golden files without an exchange")
          .containsExactlyInAnyOrderElementsOf(exchanges.stream().map(RestExchanges.Exchange::name).toList());
    }
  }

  private static Path golden(ApiVersion version) throws URISyntaxException {
    return Path.of(RestGoldenAnswersTest.class.getResource("golden/" + version.id()).toURI());
  }

  private static String rendered(RestExchanges.Exchange exchange) throws IOException {
    StringBuilder text = new StringBuilder(exchange.request()).append('\n').append(exchange.status());
    if (exchange.contentType() != null) {
      text.append(' ').append(exchange.contentType());
    }
    text.append('\n');
    if (exchange.body() != null) {
      text.append(PRETTY.writeValueAsString(exchange.body())).append('\n');
    }
    return text.toString();
  }
}
