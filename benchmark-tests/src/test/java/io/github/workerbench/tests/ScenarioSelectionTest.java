package io.github.workerbench.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.workerbench.generator.Suite;
import io.github.workerbench.generator.SuiteGenerator;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSelectionTest {

  private static final BenchmarkProperties DEFAULTS = BenchmarkProperties.from(name -> null);

  @Test
  void shouldSelectExactlyTheFifteenScenariosOfPhase3WhenTaggedPhase3() {
    // given the default (extended) suite
    // when
    ScenarioSelection selection = ScenarioSelection.forTag("phase3", DEFAULTS);

    // then
    assertThat(selection.source()).isEqualTo("suite:extended");
    assertThat(selection.scenarios())
        .hasSize(15)
        .allSatisfy(s -> assertThat(s.phase()).isEqualTo("3_concurrency_scaling"));
  }

  @Test
  void shouldSelectEveryScenarioExactlyOnceWhenEachPhaseTagIsTaken() {
    // given
    List<Scenario> extended = SuiteGenerator.generate(Suite.EXTENDED);

    // when
    List<Scenario> selected = new ArrayList<>();
    PhaseTags.NUMBERED_PHASES.forEach(
        n -> selected.addAll(ScenarioSelection.select(extended, PhaseTags.phase(n))));

    // then every phase has scenarios, and together they are the suite without repetition
    PhaseTags.NUMBERED_PHASES.forEach(
        n -> assertThat(ScenarioSelection.select(extended, PhaseTags.phase(n))).isNotEmpty());
    assertThat(selected).containsExactlyInAnyOrderElementsOf(extended);
  }

  @Test
  void shouldTakeTheMinimalSuiteWhenTaggedSmoke() {
    // given a suite other than minimal: smoke ignores it
    BenchmarkProperties full = BenchmarkProperties.from(Map.of("benchmark.suite", "full")::get);

    // when
    ScenarioSelection selection = ScenarioSelection.forTag(PhaseTags.SMOKE, full);

    // then
    assertThat(selection.source()).isEqualTo("suite:minimal");
    assertThat(selection.scenarios())
        .extracting(Scenario::name)
        .containsExactly("smoke_async", "smoke_thread", "smoke_auto");
  }

  @Test
  void shouldSelectTheFilesPhasesByTagWhenAScenarioFileIsGiven(@TempDir Path dir)
      throws IOException {
    // given
    Path file = dir.resolve("scenarios.json");
    Files.writeString(
        file,
        "["
            + scenario("a", "3_mine")
            + ","
            + scenario("b", "custom")
            + ","
            + scenario("c", "other_sweep")
            + "]");
    BenchmarkProperties properties =
        BenchmarkProperties.from(Map.of("benchmark.scenarios", file.toString())::get);

    // when
    ScenarioSelection phase3 = ScenarioSelection.forTag("phase3", properties);
    ScenarioSelection custom = ScenarioSelection.forTag(PhaseTags.CUSTOM, properties);

    // then
    assertThat(phase3.source()).isEqualTo(file.toString());
    assertThat(phase3.scenarios()).extracting(Scenario::name).containsExactly("a");
    assertThat(custom.scenarios()).extracting(Scenario::name).containsExactly("b", "c");
  }

  @Test
  void shouldFailNamingTheSourceWhenNoPhaseMapsToTheTag() {
    // given the full suite, which has no phase 9
    BenchmarkProperties full = BenchmarkProperties.from(Map.of("benchmark.suite", "full")::get);

    // when / then
    assertThatThrownBy(() -> ScenarioSelection.forTag("phase9", full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Expected scenarios tagged 'phase9' in suite:full, but none");
  }

  @Test
  void shouldFailNamingTheFileWhenTheScenarioFileIsMissing(@TempDir Path dir) {
    // given
    Path missing = dir.resolve("nope.json");
    BenchmarkProperties properties =
        BenchmarkProperties.from(Map.of("benchmark.scenarios", missing.toString())::get);

    // when / then
    assertThatThrownBy(() -> ScenarioSelection.forTag("phase1", properties))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageContaining(missing.toString());
  }

  static String scenario(String name, String phase) {
    return """
        {"name": "%s", "num_instances": 2, "strategy": "thread", "workload_type": "cpu",
         "work_duration": 0.05, "max_concurrent_jobs": 2, "repeats": 1, "timeout": 30,
         "job_timeout_ms": 30000, "description": "test", "phase": "%s"}"""
        .formatted(name, phase);
  }
}
