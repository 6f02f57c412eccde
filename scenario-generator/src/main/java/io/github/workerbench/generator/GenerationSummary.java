package io.github.workerbench.generator;

import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.Scenario;
import io.github.workerbench.model.scenario.ScenarioPlan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary the generator prints, as the seed's does: how many scenarios, how many per phase and
 * per strategy (in order of first appearance), and the estimated time: the sum of every scenario's
 * ideal time over all its repeats on the given number of cores (the runner adds its overhead on
 * top). Numbers use {@link Locale#ROOT}. Stateless.
 */
public final class GenerationSummary {

  private GenerationSummary() {}

  /**
   * The summary text, lines ending in {@code \n}.
   *
   * @param label what was generated, e.g. {@code suite full}
   * @param cores the processors to estimate cpu work with
   */
  public static String render(String label, List<Scenario> scenarios, int cores) {
    Map<String, Integer> byPhase = new LinkedHashMap<>();
    Map<String, Integer> byStrategy = new LinkedHashMap<>();
    Duration ideal = Duration.ZERO;
    for (Scenario scenario : scenarios) {
      byPhase.merge(scenario.phase(), 1, Integer::sum);
      byStrategy.merge(scenario.strategy().id(), 1, Integer::sum);
      ideal = ideal.plus(IdealTime.allRepeats(ScenarioPlan.of(scenario), cores));
    }
    StringBuilder text =
        new StringBuilder()
            .append(
                String.format(
                    Locale.ROOT, "Generated %d scenarios (%s)%n", scenarios.size(), label));
    text.append("By phase:\n");
    byPhase.forEach(
        (phase, count) -> text.append(String.format(Locale.ROOT, "  %-28s %3d%n", phase, count)));
    text.append("By strategy:\n");
    byStrategy.forEach(
        (strategy, count) ->
            text.append(String.format(Locale.ROOT, "  %-28s %3d%n", strategy, count)));
    text.append(
        String.format(
            Locale.ROOT,
            "Estimated time: %s (sum of ideal times, all repeats, %d cores)%n",
            human(ideal),
            cores));
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  static String human(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    return String.format(
        Locale.ROOT,
        "%d h %02d min %02d s (%d s)",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60,
        seconds);
  }
}
