package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void shouldEscapeTextFromTheResultsWhenRendering() {
    // given: the failed scenario's error holds "<completed> & 2 failed"
    ResultsData data = Fixtures.full();

    // when
    String html = HtmlReport.render(data);

    // then
    assertThat(html).doesNotContain("<completed>").contains("&lt;completed&gt; &amp; 2 failed");
  }

  @Test
  void shouldLoadNothingFromOutsideWhenRendering() {
    // when
    String html = HtmlReport.render(Fixtures.full());

    // then: the only URL is the SVG namespace, which browsers never fetch
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http://", "https://", "<link", " src=", "@import", "url(");
  }

  @Test
  void shouldDrawEveryChartAndARowPerResultWhenEveryPhaseIsPresent() {
    // when
    String html = HtmlReport.render(Fixtures.full());

    // then
    assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(6);
    assertThat(count(html, "data-chart-empty=")).isZero();
    assertThat(count(html, "<tr data-result=")).isEqualTo(Fixtures.full().rows().size());
    assertThat(count(html, "data-mark=\"knee\"")).isEqualTo(2);
    Matcher marks = Pattern.compile("data-marks=\"(\\d+)\"").matcher(html);
    while (marks.find()) {
      assertThat(Integer.parseInt(marks.group(1))).isPositive();
    }
  }

  @Test
  void shouldNameTheMissingPhaseInsteadOfAChartWhenTheDataLackIt() {
    // when
    String html = HtmlReport.render(Fixtures.seed());

    // then: quick_concurrency stands in for phase 3; phases 4 and 5 and latencies are absent
    assertThat(html)
        .contains("Throughput vs concurrency (from quick_concurrency)")
        .contains("No data: the results lack phase 4_load_scaling.")
        .contains("No data: the results lack phase 5_work_duration.")
        .contains("data-chart-empty=\"chart-latency\"");
    assertThat(html).contains("id=\"chart-concurrency\"", "id=\"chart-memory\"", "id=\"chart-efficiency\"");
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
