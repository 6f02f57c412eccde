package io.github.workerbench.model.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a scenario file: a JSON list of scenario objects in the guide's custom-scenario format
 * (snake_case names; the optional {@code acquisition}, {@code max_jobs_active}, {@code jitter_pct},
 * {@code transport} and {@code failure_rate} may be absent or {@code null}).
 *
 * <p>The file is parsed into a tree and every field is checked by hand, so that each problem gets
 * one message naming the file, the scenario and the field (see {@link ScenarioFileException}). The
 * whole file is validated before it is returned: a caller never gets part of a file. Counts must be
 * whole numbers greater than 0; durations (seconds) numbers greater than 0; fractions numbers in
 * [0, 1]; names unique.
 *
 * <p>Stateless and thread-safe. It never writes anything.
 */
public final class ScenarioReader {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ScenarioReader() {}

  /**
   * The scenarios of this file, in file order.
   *
   * @throws ScenarioFileException when the file is missing, unreadable or not a valid scenario
   *     list; the message names the file as {@code file.toString()}
   */
  public static List<Scenario> read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new ScenarioFileException(name, null, null, "is a directory, not a scenario file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException(name, null, null, "file not found", e);
    } catch (AccessDeniedException e) {
      throw new ScenarioFileException(name, null, null, "cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new ScenarioFileException(name, null, null, "cannot be read: " + e.getMessage(), e);
    }
    String content;
    try {
      content =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioFileException(name, null, null, "is not UTF-8 text", e);
    }
    return parse(content, name);
  }

  /**
   * The scenarios in this JSON text.
   *
   * @param fileName how messages name the source
   * @throws ScenarioFileException when the text is not a valid scenario list
   */
  public static List<Scenario> parse(String content, String fileName) {
    if (content.isBlank()) {
      throw new ScenarioFileException(
          fileName, null, null, "the file is empty; expected a JSON list of scenarios");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new ScenarioFileException(
          fileName,
          null,
          null,
          "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()),
          e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ScenarioFileException(
          fileName, null, null, "the file is empty; expected a JSON list of scenarios");
    }
    if (!root.isArray()) {
      throw new ScenarioFileException(
          fileName,
          null,
          null,
          "expected a JSON list of scenarios ([{...}, ...]), but found " + kindOf(root));
    }
    if (root.isEmpty()) {
      throw new ScenarioFileException(fileName, null, null, "the list holds no scenarios");
    }
    List<Scenario> scenarios = new ArrayList<>(root.size());
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      Scenario scenario = new ObjectReader(fileName, i + 1, root.get(i)).read();
      Integer earlier = positions.putIfAbsent(scenario.name(), i + 1);
      if (earlier != null) {
        throw new ScenarioFileException(
            fileName,
            "'" + scenario.name() + "' (#" + (i + 1) + ")",
            ScenarioFields.NAME,
            "name is a duplicate of scenario #" + earlier + "; names must be unique");
      }
      scenarios.add(scenario);
    }
    return List.copyOf(scenarios);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static String kindOf(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "the string " + node;
    }
    if (node.isBoolean()) {
      return "the boolean " + node;
    }
    if (node.isNull()) {
      return "null";
    }
    return node.toString();
  }

  /** Reads one scenario object; knows its position for messages. */
  private static final class ObjectReader {
    private final String file;
    private final JsonNode node;
    private final String label;

    ObjectReader(String file, int position, JsonNode node) {
      this.file = file;
      this.node = node;
      JsonNode name = node.get(ScenarioFields.NAME);
      this.label =
          name != null && name.isTextual() && !name.asText().isBlank()
              ? "'" + name.asText() + "'"
              : "#" + position;
    }

    Scenario read() {
      if (!node.isObject()) {
        throw fail(null, "expected an object, but found " + kindOf(node));
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!ScenarioFields.ALL.contains(field)) {
          throw fail(
              field,
              "unknown field '" + field + "'; allowed: " + String.join(", ", ScenarioFields.ALL));
        }
      }
      for (String field : ScenarioFields.REQUIRED) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
          throw fail(field, field + " is missing (a required field)");
        }
      }
      Scenario.Builder builder =
          Scenario.builder()
              .name(text(ScenarioFields.NAME, true))
              .numInstances(count(ScenarioFields.NUM_INSTANCES))
              .strategy(kind(ScenarioFields.STRATEGY, StrategyKind::fromId))
              .workloadType(kind(ScenarioFields.WORKLOAD_TYPE, WorkloadKind::fromId))
              .workDuration(seconds(ScenarioFields.WORK_DURATION))
              .maxConcurrentJobs(count(ScenarioFields.MAX_CONCURRENT_JOBS))
              .repeats(count(ScenarioFields.REPEATS))
              .timeout(seconds(ScenarioFields.TIMEOUT))
              .jobTimeoutMs(longCount(ScenarioFields.JOB_TIMEOUT_MS))
              .description(text(ScenarioFields.DESCRIPTION, false))
              .phase(text(ScenarioFields.PHASE, true));
      if (present(ScenarioFields.ACQUISITION)) {
        builder.acquisition(kind(ScenarioFields.ACQUISITION, AcquisitionKind::fromId));
      }
      if (present(ScenarioFields.MAX_JOBS_ACTIVE)) {
        builder.maxJobsActive(count(ScenarioFields.MAX_JOBS_ACTIVE));
      }
      if (present(ScenarioFields.JITTER_PCT)) {
        builder.jitterPct(fraction(ScenarioFields.JITTER_PCT));
      }
      if (present(ScenarioFields.TRANSPORT)) {
        builder.transport(kind(ScenarioFields.TRANSPORT, TransportKind::fromId));
      }
      if (present(ScenarioFields.FAILURE_RATE)) {
        builder.failureRate(fraction(ScenarioFields.FAILURE_RATE));
      }
      try {
        return builder.build();
      } catch (IllegalArgumentException | NullPointerException e) {
        // The checks above cover every rule the record has; this keeps the message format
        // should the record gain one.
        throw new ScenarioFileException(file, label, null, e.getMessage(), e);
      }
    }

    private boolean present(String field) {
      JsonNode value = node.get(field);
      return value != null && !value.isNull();
    }

    private String text(String field, boolean required) {
      JsonNode value = node.get(field);
      if (!value.isTextual()) {
        throw fail(field, field + " must be a string, but was " + kindOf(value));
      }
      if (required && value.asText().isBlank()) {
        throw fail(field, field + " must not be empty");
      }
      return value.asText();
    }

    private <K> K kind(String field, Function<String, K> fromId) {
      String id = text(field, true);
      try {
        return fromId.apply(id);
      } catch (IllegalArgumentException e) {
        throw fail(field, field + ": " + e.getMessage());
      }
    }

    private long wholeNumber(String field) {
      JsonNode value = node.get(field);
      if (!value.isNumber()) {
        throw fail(field, field + " must be a whole number, but was " + kindOf(value));
      }
      if (!value.canConvertToExactIntegral()) {
        throw fail(field, field + " must be a whole number, but was " + value);
      }
      if (!value.canConvertToLong()) {
        throw fail(field, field + " is too large: " + value);
      }
      long number = value.asLong();
      if (number <= 0) {
        throw fail(field, field + " must be greater than 0, but was " + number);
      }
      return number;
    }

    private int count(String field) {
      long number = wholeNumber(field);
      if (number > Integer.MAX_VALUE) {
        throw fail(field, field + " must be at most " + Integer.MAX_VALUE + ", but was " + number);
      }
      return (int) number;
    }

    private long longCount(String field) {
      return wholeNumber(field);
    }

    private double number(String field) {
      JsonNode value = node.get(field);
      if (!value.isNumber()) {
        throw fail(field, field + " must be a number, but was " + kindOf(value));
      }
      double number = value.asDouble();
      if (!Double.isFinite(number)) {
        throw fail(field, field + " is too large: " + value);
      }
      return number;
    }

    private double seconds(String field) {
      double number = number(field);
      if (!(number > 0)) {
        throw fail(field, field + " must be greater than 0 (seconds), but was " + node.get(field));
      }
      return number;
    }

    private double fraction(String field) {
      double number = number(field);
      if (!(number >= 0 && number <= 1)) {
        throw fail(field, field + " must be between 0 and 1, but was " + node.get(field));
      }
      return number;
    }

    private ScenarioFileException fail(String field, String problem) {
      return new ScenarioFileException(file, label, field, problem);
    }
  }
}
