package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the Allure report the build just generated ({@code allure:report} in
 * post-integration-test) in headless Chromium and checks that every scenario of the run's results
 * file is listed on the Suites page. Runs in the {@code allure-report-check} Failsafe execution
 * (verify phase), after the report exists; skipped when Chromium, the report or the results file
 * is absent.
 *
 * <p>The report loads its data with fetch, which file:// blocks, so it is served over loopback.
 */
@Tag("report-check")
class AllureReportCheck {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long CHROMIUM_SECONDS = 90;

  @Test
  void shouldListEveryScenarioWhenTheReportIsOpenedInABrowser(@TempDir Path profile)
      throws IOException, InterruptedException {
    // given
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    Path report = Path.of(System.getProperty("benchmark.allureReport", "target/site/allure-maven-plugin"));
    Path results = Path.of(System.getProperty(BenchmarkProperties.RESULTS_FILE,
        "target/benchmark-results.json"));
    assumeTrue(Files.isRegularFile(report.resolve("index.html")), "no Allure report at " + report);
    assumeTrue(Files.isRegularFile(results), "no results file at " + results);
    List<String> names = new ArrayList<>();
    for (JsonNode result : new ObjectMapper().readTree(results.toFile()).path("results")) {
      names.add(result.path("name").asText());
    }
    assumeTrue(!names.isEmpty(), "the run recorded no scenario");

    // when
    String dom = dumpDom(report.toAbsolutePath(), profile);

    // then
    List<String> missing =
        names.stream()
            .filter(
                name ->
                    !Pattern.compile("node__name\">\\s*" + Pattern.quote(name) + "\\s*<")
                        .matcher(dom)
                        .find())
            .toList();
    assertThat(missing).as("scenarios of %s missing from the Allure report's Suites page", results)
        .isEmpty();
  }

  private static String dumpDom(Path report, Path profile) throws IOException, InterruptedException {
    HttpServer server =
        SimpleFileServer.createFileServer(
            new InetSocketAddress("127.0.0.1", 0), report, SimpleFileServer.OutputLevel.NONE);
    server.start();
    try {
      Path out = profile.resolve("dom.html");
      Process chromium =
          new ProcessBuilder(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile.resolve("chromium"),
                  "--virtual-time-budget=10000",
                  "--dump-dom",
                  "http://127.0.0.1:" + server.getAddress().getPort() + "/#suites")
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!chromium.waitFor(CHROMIUM_SECONDS, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
        throw new AssertionError(
            "Expected Chromium to render the report within " + CHROMIUM_SECONDS + " s");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      server.stop(0);
    }
  }
}
