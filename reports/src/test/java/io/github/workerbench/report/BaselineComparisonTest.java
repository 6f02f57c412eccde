package io.github.workerbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.report.BaselineComparison.ScenarioComparison;
import io.github.workerbench.report.BaselineComparison.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineComparisonTest {

  @Test
  void shouldNotRegressWhenTheDropIsExactlyAtTheThreshold() {
    // given: 100 -> 90 is -10.0%
    // when
    ScenarioComparison result = compareOne(single(100), single(90), 10);

    // then
    assertThat(result.changePercent()).isEqualTo(-10.0);
    assertThat(result.verdict()).isEqualTo(Verdict.UNCHANGED);
  }

  @Test
  void shouldNotRegressWhenRoundingPutsTheDropAHairPastTheThreshold() {
    // given: 1.1 -> 0.99 computes as -10.000000000000007%
    // when
    ScenarioComparison result = compareOne(single(1.1), single(0.99), 10);

    // then
    assertThat(result.changePercent()).isLessThan(-10.0);
    assertThat(result.verdict()).isEqualTo(Verdict.UNCHANGED);
  }

  @Test
  void shouldRegressWhenTheDropIsJustPastTheThreshold() {
    // given: 100 -> 89.99 is -10.01%
    // when
    ScenarioComparison result = compareOne(single(100), single(89.99), 10);

    // then
    assertThat(result.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(result.usedConfidenceIntervals()).isFalse();
  }

  @Test
  void shouldImproveWhenTheRiseIsJustPastTheThreshold() {
    // when
    ScenarioComparison result = compareOne(single(100), single(110.01), 10);

    // then
    assertThat(result.verdict()).isEqualTo(Verdict.IMPROVEMENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # why                                                           | base | ci  | current | ci  | verdict
          [85, 115] and [74, 86] overlap: noise despite a 20% drop        | 100  | 15  | 80      | 6   | WITHIN_NOISE
          [90, 110] and [80, 90] touch at 90: noise                      | 100  | 10  | 85      | 5   | WITHIN_NOISE
          [98, 102] and [79, 81] apart, the drop past the threshold      | 100  | 2   | 80      | 1   | REGRESSION
          [99, 101] and [94.5, 95.5] apart, a real but small 5% drop     | 100  | 1   | 95      | 0.5 | UNCHANGED
          """)
  void shouldJudgeByTheConfidenceIntervalsWhenBothSidesHaveRepeats(
      String why,
      double baseline,
      double baselineCi95,
      double current,
      double currentCi95,
      Verdict expected) {
    // when
    ScenarioComparison result =
        compareOne(repeated(baseline, baselineCi95), repeated(current, currentCi95), 10);

    // then
    assertThat(result.usedConfidenceIntervals()).isTrue();
    assertThat(result.verdict()).isEqualTo(expected);
  }

  @Test
  void shouldUseTheThresholdAloneWhenOnlyOneSideHasRepeats() {
    // given: the baseline has an interval wide enough to overlap, but the current ran once
    // when
    ScenarioComparison result = compareOne(repeated(100, 30), single(80), 10);

    // then
    assertThat(result.usedConfidenceIntervals()).isFalse();
    assertThat(result.verdict()).isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void shouldFailTheGateWhenAScenarioFailsNowThatSucceededBefore() {
    // given
    ResultsData baseline = data(result("s1", 100, 1, null, "success"));
    ResultsData current = data(result("s1", 0, 1, null, "failed"));

    // when
    BaselineComparison comparison = BaselineComparison.compare(current, baseline, 10);

    // then
    assertThat(comparison.scenarios()).extracting(ScenarioComparison::verdict)
        .containsExactly(Verdict.FAILED);
    assertThat(comparison.hasRegression()).isTrue();
  }

  @Test
  void shouldListScenariosInOnlyOneFileWithoutJudgingThem() {
    // given
    ResultsData baseline = data(result("old", 100, 1, null, "success"), result("both", 10, 1, null, "success"));
    ResultsData current = data(result("new", 100, 1, null, "success"), result("both", 10, 1, null, "success"));

    // when
    BaselineComparison comparison = BaselineComparison.compare(current, baseline, 10);

    // then
    assertThat(comparison.scenarios()).extracting(ScenarioComparison::name).containsExactly("both");
    assertThat(comparison.notCompared())
        .containsExactly("new (not in the baseline)", "old (only in the baseline)");
    assertThat(comparison.hasRegression()).isFalse();
  }

  @Test
  void shouldPrintRegressionsImprovementsAndTheGateWhenPrinting() {
    // given
    ResultsData baseline =
        data(result("slow", 100, 1, null, "success"), result("fast", 100, 1, null, "success"));
    ResultsData current =
        data(result("slow", 50, 1, null, "success"), result("fast", 150, 1, null, "success"));
    BaselineComparison comparison = BaselineComparison.compare(current, baseline, 10);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    // when
    comparison.print(new PrintStream(buffer, true, StandardCharsets.UTF_8));

    // then
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Regressions (1):\n  slow: 100.00 -> 50.00 jobs/s (-50.0%)")
        .contains("Improvements (1):\n  fast: 100.00 -> 150.00 jobs/s (+50.0%)")
        .contains("Gate: FAIL, 1 scenario regressed past 10% or failed");
  }

  @Test
  void shouldRejectANegativeThresholdWhenComparing() {
    // when / then
    assertThatThrownBy(() -> BaselineComparison.compare(data(), data(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-regression");
  }

  private static ScenarioComparison compareOne(String baseline, String current, double threshold) {
    BaselineComparison comparison =
        BaselineComparison.compare(data(current), data(baseline), threshold);
    assertThat(comparison.scenarios()).hasSize(1);
    assertThat(comparison.hasRegression())
        .isEqualTo(comparison.scenarios().get(0).verdict() == Verdict.REGRESSION);
    return comparison.scenarios().get(0);
  }

  private static String single(double jobsPerSecond) {
    return result("s1", jobsPerSecond, 1, 0.0, "success");
  }

  private static String repeated(double jobsPerSecond, double ci95) {
    return result("s1", jobsPerSecond, 3, ci95, "success");
  }

  private static String result(String name, double jps, int repeats, Double ci95, String status) {
    return String.format(
        Locale.ROOT,
        "{\"name\":\"%s\",\"strategy\":\"async\",\"repeats\":%d,\"status\":\"%s\","
            + "\"jobs_per_second\":%s%s}",
        name, repeats, status, Double.toString(jps),
        ci95 == null ? "" : ",\"jobs_per_second_ci95\":" + ci95);
  }

  private static ResultsData data(String... results) {
    return ResultsReader.parse("{\"results\":[" + String.join(",", results) + "]}", "inline");
  }
}
