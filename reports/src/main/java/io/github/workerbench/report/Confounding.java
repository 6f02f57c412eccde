package io.github.workerbench.report;

import io.github.workerbench.model.result.Diagnosis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the results' diagnoses say about a strategy comparison of the key questions: each
 * strategy's dominant cause, and whether a cause outside the execution model confounds the
 * comparison ({@link #note}). Stateless.
 */
final class Confounding {

  private Confounding() {}

  /**
   * Per strategy, the cause its diagnosed results name most often (the first seen, on a tie);
   * strategies without a diagnosed result are left out.
   */
  static Map<String, Map.Entry<Diagnosis.Cause, Long>> dominantCauses(List<ReportRow> measured) {
    Map<String, Map<Diagnosis.Cause, Long>> counts = new LinkedHashMap<>();
    for (ReportRow row : measured) {
      row.knownCause()
          .ifPresent(
              cause ->
                  counts.computeIfAbsent(row.strategy(), k -> new LinkedHashMap<>())
                      .merge(cause, 1L, Long::sum));
    }
    Map<String, Map.Entry<Diagnosis.Cause, Long>> dominant = new LinkedHashMap<>();
    counts.forEach(
        (strategy, byCause) ->
            dominant.put(
                strategy,
                byCause.entrySet().stream()
                    .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                    .orElseThrow()));
    return dominant;
  }

  /**
   * A note when the strategies compared differ in a cause outside the execution model (the
   * JobWorker's refill threshold, activation or completion round trips, a saturated machine):
   * then the gap between them is that cause's, not the strategies'. The case: under the
   * client's JobWorker at max_jobs_active = c, thread waits for the 70% refill rule while async,
   * whose handler returns at once, never does. Empty when nothing confounds the comparison.
   */
  static String note(List<ReportRow> measured) {
    Map<String, Map.Entry<Diagnosis.Cause, Long>> dominant = dominantCauses(measured);
    if (dominant.size() < 2) {
      return "";
    }
    Map<String, Long> results = new LinkedHashMap<>();
    measured.stream()
        .filter(row -> row.knownCause().isPresent())
        .forEach(row -> results.merge(row.strategy(), 1L, Long::sum));
    List<String> held = new ArrayList<>();
    Diagnosis.Cause first = null;
    for (Map.Entry<String, Map.Entry<Diagnosis.Cause, Long>> entry : dominant.entrySet()) {
      Diagnosis.Cause cause = entry.getValue().getKey();
      boolean shared =
          dominant.values().stream().allMatch(other -> other.getKey() == cause);
      if (cause.outsideTheStrategy() && !shared) {
        held.add(entry.getKey() + " (" + cause.id() + " in " + entry.getValue().getValue() + " of "
            + results.get(entry.getKey()) + " diagnosed results)");
        first = first == null ? cause : first;
      }
    }
    if (held.isEmpty()) {
      return "";
    }
    List<String> free =
        dominant.entrySet().stream()
            .filter(entry -> !entry.getValue().getKey().outsideTheStrategy())
            .map(Map.Entry::getKey)
            .toList();
    return " Confounded: " + String.join(" and ", held) + (held.size() == 1 ? " is" : " are")
        + " held back by a cause outside the execution model"
        + (free.isEmpty() ? "" : " that " + String.join(" and ", free) + " did not meet")
        + ", so this gap is not the strategies' own. " + first.advice();
  }

  /** One line per strategy with diagnosed results: the causes they name, most frequent first. */
  static List<String> causeLines(List<ReportRow> measured) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    measured.stream()
        .filter(row -> !row.cause().isEmpty())
        .forEach(row -> counts.computeIfAbsent(row.strategy(), k -> new LinkedHashMap<>())
            .merge(row.why(), 1L, Long::sum));
    List<String> lines = new ArrayList<>();
    counts.forEach(
        (strategy, byCause) ->
            lines.add(strategy + ": why "
                + byCause.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining(", "))));
    return lines;
  }
}
