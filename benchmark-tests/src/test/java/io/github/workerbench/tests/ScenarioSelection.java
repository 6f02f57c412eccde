package io.github.workerbench.tests;

import io.github.workerbench.generator.Suite;
import io.github.workerbench.generator.SuiteGenerator;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioReader;
import java.util.List;
import java.util.Objects;

/**
 * The scenarios a factory runs: those of the source (the scenario file when given, else the
 * suite; the minimal suite for {@code smoke}) whose phase maps to the factory's tag.
 *
 * @param source how the results file names the source: the file, or {@code suite:<id>}
 * @param scenarios the selected scenarios, in source order
 */
public record ScenarioSelection(String source, List<Scenario> scenarios) {

  public ScenarioSelection {
    Objects.requireNonNull(source, "source");
    scenarios = List.copyOf(scenarios);
  }

  /**
   * The scenarios of {@code tag} under these properties.
   *
   * @throws IllegalArgumentException when the scenario file is not valid, or nothing maps to the
   *     tag (the message says which source was searched and how to choose another)
   */
  public static ScenarioSelection forTag(String tag, BenchmarkProperties properties) {
    String source;
    List<Scenario> all;
    if (properties.scenariosFile().isPresent()) {
      source = properties.scenariosFile().get().toString();
      all = ScenarioReader.read(properties.scenariosFile().get());
    } else {
      Suite suite = tag.equals(PhaseTags.SMOKE) ? Suite.MINIMAL : properties.suite();
      source = "suite:" + suite.id();
      all = SuiteGenerator.generate(suite);
    }
    List<Scenario> selected = select(all, tag);
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected scenarios tagged '"
              + tag
              + "' in "
              + source
              + ", but none of its phases maps to that tag (phases 1-11 are in the extended"
              + " suite; choose it with -D"
              + BenchmarkProperties.SUITE
              + "=extended or give a file with -D"
              + BenchmarkProperties.SCENARIOS
              + "=FILE)");
    }
    return new ScenarioSelection(source, selected);
  }

  /** The scenarios whose phase maps to {@code tag}, in their order. */
  public static List<Scenario> select(List<Scenario> scenarios, String tag) {
    return scenarios.stream().filter(s -> PhaseTags.tagOf(s.phase()).equals(tag)).toList();
  }
}
