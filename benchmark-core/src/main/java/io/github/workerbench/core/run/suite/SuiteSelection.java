package io.github.workerbench.core.run.suite;

import io.github.workerbench.model.scenario.Scenario;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code --phase} then {@code --limit} to a scenario list, keeping file order. A phase that
 * no scenario has is bad input, reported with the phases there are.
 */
public final class SuiteSelection {

  private SuiteSelection() {}

  /**
   * The scenarios to run.
   *
   * @param source how messages name where the scenarios came from
   * @throws IllegalArgumentException when {@code options.phase()} matches no scenario
   */
  public static List<Scenario> select(
      List<Scenario> scenarios, SuiteOptions options, String source) {
    List<Scenario> selected = scenarios;
    if (options.phase() != null) {
      selected = scenarios.stream().filter(s -> s.phase().equals(options.phase())).toList();
      if (selected.isEmpty()) {
        Set<String> phases = new LinkedHashSet<>();
        scenarios.forEach(s -> phases.add(s.phase()));
        throw new IllegalArgumentException(
            source
                + ": --phase '"
                + options.phase()
                + "' matches no scenario; phases: "
                + String.join(", ", phases));
      }
    }
    if (options.limit() > 0 && options.limit() < selected.size()) {
      selected = selected.subList(0, options.limit());
    }
    return List.copyOf(selected);
  }
}
