package io.github.workerbench.core.run.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The text summary printed after a suite, as the seed's runner prints it: results by phase, the top
 * performers by throughput, the head-to-head of strategies per workload type (mean {@code
 * jobs_per_second} of successful results), the failed scenarios and the total time. Reads
 * results-file objects, so resumed results count too. Numbers use {@link Locale#ROOT}. Stateless.
 */
public final class SuiteSummary {

  private static final int TOP = 5;

  private SuiteSummary() {}

  /** The summary text, lines ending in {@code \n}. */
  public static String render(List<ObjectNode> results, Duration elapsed) {
    StringBuilder text = new StringBuilder("Summary\n");
    Map<String, List<JsonNode>> byPhase = new java.util.LinkedHashMap<>();
    results.forEach(
        r -> byPhase.computeIfAbsent(r.path("phase").asText("?"), k -> new ArrayList<>()).add(r));
    text.append("By phase:\n");
    byPhase.forEach(
        (phase, list) -> {
          long ok = list.stream().filter(SuiteSummary::succeeded).count();
          text.append(
              String.format(
                  Locale.ROOT,
                  "  %-28s %3d scenarios, %3d succeeded, %3d not\n",
                  phase,
                  list.size(),
                  ok,
                  list.size() - ok));
        });

    List<JsonNode> successes =
        results.stream().filter(SuiteSummary::succeeded).map(r -> (JsonNode) r).toList();
    if (!successes.isEmpty()) {
      text.append("Top performers (jobs/s):\n");
      List<JsonNode> top =
          successes.stream()
              .sorted(Comparator.comparingDouble((JsonNode r) -> throughput(r)).reversed())
              .limit(TOP)
              .toList();
      int rank = 0;
      for (JsonNode r : top) {
        rank++;
        text.append(
            String.format(
                Locale.ROOT,
                "  %d. %-36s %-8s %10.2f\n",
                rank,
                r.path("name").asText(),
                r.path("strategy").asText(),
                throughput(r)));
      }
      text.append("Strategies head to head by workload (mean jobs/s):\n");
      Map<String, Map<String, List<Double>>> table = new TreeMap<>();
      for (JsonNode r : successes) {
        table
            .computeIfAbsent(r.path("workload_type").asText(), k -> new TreeMap<>())
            .computeIfAbsent(r.path("strategy").asText(), k -> new ArrayList<>())
            .add(throughput(r));
      }
      table.forEach(
          (workload, strategies) -> {
            Map<String, Double> means = new TreeMap<>();
            strategies.forEach(
                (strategy, values) ->
                    means.put(
                        strategy,
                        values.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
            String best =
                means.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String row =
                means.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            text.append(
                String.format(Locale.ROOT, "  %-20s best %-8s (%s)\n", workload, best, row));
          });
    }
    List<String> failed =
        results.stream()
            .filter(r -> !succeeded(r))
            .map(r -> r.path("name").asText() + " (" + r.path("status").asText() + ")")
            .toList();
    text.append("Failed scenarios: ")
        .append(failed.isEmpty() ? "none" : String.join(", ", failed))
        .append('\n');
    text.append("Total time: ").append(human(elapsed)).append('\n');
    return text.toString();
  }

  /** A duration as {@code 1 h 02 min 03 s}, {@code 2 min 03 s} or {@code 4.2 s}. */
  public static String human(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 3600) {
      return String.format(
          Locale.ROOT, "%d h %02d min %02d s", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
    if (seconds >= 60) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static boolean succeeded(JsonNode result) {
    return "success".equals(result.path("status").asText());
  }

  private static double throughput(JsonNode result) {
    JsonNode value = result.path("jobs_per_second_avg");
    return value.isNumber() ? value.asDouble() : result.path("jobs_per_second").asDouble(0);
  }
}
