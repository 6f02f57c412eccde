package io.github.workerbench.model.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A results file as read back: its header and each result as the JSON object written, kept verbatim
 * so a resumed run preserves what earlier runs measured.
 *
 * @param results one object per scenario, each with at least a string {@code name} and {@code
 *     status}
 */
public record ResultsContent(ResultsHeader header, List<ObjectNode> results) {

  public ResultsContent {
    Objects.requireNonNull(header, "header");
    results = List.copyOf(results);
  }

  /** The names of the results whose status is {@code success}, in file order. */
  public List<String> successfulNames() {
    return results.stream()
        .filter(result -> RunStatus.SUCCESS.id().equals(result.get("status").asText()))
        .map(result -> result.get("name").asText())
        .toList();
  }
}
