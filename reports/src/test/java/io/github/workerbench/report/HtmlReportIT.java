package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium (Debian's {@code chromium} package) and checks
 * the DOM after the page's script ran: every chart drew and the table holds every result.
 * Skipped only when no Chromium binary is installed.
 */
class HtmlReportIT {

  private static Path chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    chromium =
        Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
  }

  @Test
  void shouldDrawEveryChartAndListEveryResultWhenOpenedInChromium() throws Exception {
    // given
    ResultsData data = Fixtures.full();

    // when
    String dom = openedInChromium(data, "report.html");

    // then
    assertThat(dom).contains("data-charts-ready=\"6\"");
    assertThat(count(dom, "data-chart-ready=\"true\"")).isEqualTo(6);
    assertThat(count(dom, "data-chart-ready=\"false\"")).isZero();
    assertThat(dom).contains("data-table-ready=\"true\"");
    assertThat(dom).contains("data-rows=\"" + data.rows().size() + "\"");
    assertThat(dom).contains("data-visible-rows=\"" + data.rows().size() + "\"");
    assertThat(count(dom, "<tr data-result=")).isEqualTo(data.rows().size());
    for (ReportRow row : data.rows()) {
      assertThat(dom).contains("<tr data-result=\"" + row.name() + "\"");
    }
    assertThat(dom).contains(data.rows().size() + " of " + data.rows().size() + " results");
  }

  @Test
  void shouldDrawTheChartsItHasDataForWhenOpenedInChromiumOnASeedFile() throws Exception {
    // given
    ResultsData data = Fixtures.seed();

    // when
    String dom = openedInChromium(data, "seed.html");

    // then: concurrency (quick fallback), efficiency and memory draw; load, duration, latency lack data
    assertThat(dom).contains("data-charts-ready=\"3\"");
    assertThat(count(dom, "data-chart-empty=")).isEqualTo(3);
    assertThat(dom).contains("data-rows=\"" + data.rows().size() + "\"");
  }

  /** Writes the report of {@code data} to {@code file} and returns the DOM Chromium built of it. */
  private String openedInChromium(ResultsData data, String file) throws IOException, InterruptedException {
    assumeTrue(chromium != null, "no chromium binary: apt-get install -y chromium");
    Path html = dir.resolve(file);
    HtmlReport.write(data, html);
    return dumpDom(html);
  }

  private String dumpDom(Path html) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Path out = dir.resolve("dom.html");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000",
                "--dump-dom",
                html.toUri().toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("chromium.log").toFile())
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s");
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom)
        .as("DOM dumped by chromium (exit %d; log %s)", process.exitValue(),
            Optional.of(dir.resolve("chromium.log")).map(Path::toString).orElseThrow())
        .contains("</html>");
    return dom;
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
