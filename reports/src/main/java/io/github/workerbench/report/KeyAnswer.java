package io.github.workerbench.report;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one of the guide's six key questions, with the numbers behind it. Immutable.
 *
 * @param number 1 to 6, as the guide numbers them
 * @param question the question
 * @param answer the answer in one sentence; when the data lack it, says which phase is missing
 * @param evidence the figures the answer rests on, one line each
 * @param basis the phase ids whose results were used
 * @param missingPhases the phase ids the question needs that the results lack
 */
public record KeyAnswer(
    int number,
    String question,
    String answer,
    List<String> evidence,
    List<String> basis,
    List<String> missingPhases) {

  public KeyAnswer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    evidence = List.copyOf(evidence);
    basis = List.copyOf(basis);
    missingPhases = List.copyOf(missingPhases);
  }

  /** Whether the results held data for this question. */
  public boolean answered() {
    return !basis.isEmpty();
  }
}
