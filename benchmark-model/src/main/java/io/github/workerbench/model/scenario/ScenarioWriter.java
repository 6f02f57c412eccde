package io.github.workerbench.model.scenario;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes scenarios as the guide's custom-scenario JSON list and as CSV.
 *
 * <p>JSON: two-space indentation, {@code "field": value}, fields in the guide's order ({@code name}
 * … {@code phase}) followed by the optional fields only when they are set. {@code timeout} is
 * written as a whole number when it is one (as the seed writes it), {@code work_duration}, {@code
 * jitter_pct} and {@code failure_rate} always as decimals. Numbers never depend on the default
 * locale. What it writes, {@link ScenarioReader} reads back to equal scenarios.
 *
 * <p>CSV: a header with every field (required, then optional), one row per scenario, an empty cell
 * for an optional field that is not set, RFC 4180 quoting, {@code \n} line ends.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScenarioWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScenarioWriter() {}

  /** The JSON object of one scenario, fields in the documented order. */
  public static ObjectNode toNode(Scenario scenario) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(ScenarioFields.NAME, scenario.name());
    node.put(ScenarioFields.NUM_INSTANCES, scenario.numInstances());
    node.put(ScenarioFields.STRATEGY, scenario.strategy().id());
    node.put(ScenarioFields.WORKLOAD_TYPE, scenario.workloadType().id());
    node.put(ScenarioFields.WORK_DURATION, scenario.workDuration());
    node.put(ScenarioFields.MAX_CONCURRENT_JOBS, scenario.maxConcurrentJobs());
    node.put(ScenarioFields.REPEATS, scenario.repeats());
    putSeconds(node, ScenarioFields.TIMEOUT, scenario.timeout());
    node.put(ScenarioFields.JOB_TIMEOUT_MS, scenario.jobTimeoutMs());
    node.put(ScenarioFields.DESCRIPTION, scenario.description());
    node.put(ScenarioFields.PHASE, scenario.phase());
    if (scenario.acquisition() != null) {
      node.put(ScenarioFields.ACQUISITION, scenario.acquisition().id());
    }
    if (scenario.maxJobsActive() != null) {
      node.put(ScenarioFields.MAX_JOBS_ACTIVE, scenario.maxJobsActive());
    }
    if (scenario.jitterPct() != null) {
      node.put(ScenarioFields.JITTER_PCT, scenario.jitterPct());
    }
    if (scenario.transport() != null) {
      node.put(ScenarioFields.TRANSPORT, scenario.transport().id());
    }
    if (scenario.failureRate() != null) {
      node.put(ScenarioFields.FAILURE_RATE, scenario.failureRate());
    }
    return node;
  }

  /** The scenarios as a pretty JSON list, ending with a newline. */
  public static String toJson(List<Scenario> scenarios) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    scenarios.forEach(scenario -> list.add(toNode(scenario)));
    return pretty(list);
  }

  /** The scenarios as CSV: header plus one row per scenario. */
  public static String toCsv(List<Scenario> scenarios) {
    StringBuilder csv = new StringBuilder(String.join(",", ScenarioFields.ALL)).append('\n');
    for (Scenario scenario : scenarios) {
      ObjectNode node = toNode(scenario);
      List<String> cells = new ArrayList<>(ScenarioFields.ALL.size());
      for (String field : ScenarioFields.ALL) {
        JsonNode value = node.get(field);
        cells.add(value == null ? "" : csvCell(value.asText()));
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    return csv.toString();
  }

  /** The CSV header: every field name, required then optional. */
  public static List<String> csvHeader() {
    return ScenarioFields.ALL;
  }

  /**
   * Writes {@link #toJson} to a file, replacing it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void writeJson(List<Scenario> scenarios, Path file) {
    write(file, toJson(scenarios));
  }

  /**
   * Writes {@link #toCsv} to a file, replacing it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void writeCsv(List<Scenario> scenarios, Path file) {
    write(file, toCsv(scenarios));
  }

  /**
   * JSON text of a tree, indented by two spaces with {@code "field": value}, ending with a newline:
   * the form every file of this project uses.
   */
  public static String pretty(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putSeconds(ObjectNode node, String field, double seconds) {
    if (seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15) {
      node.put(field, (long) seconds);
    } else {
      node.put(field, seconds);
    }
  }

  private static String csvCell(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to write " + file + ", but " + e.getMessage(), e);
    }
  }
}
