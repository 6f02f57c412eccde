package io.github.workerbench.model.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.ScenarioWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results file of a suite run (docs/RESULTS_FORMAT.md): writes it from the header and the
 * results, and reads it back for {@code --resume}.
 *
 * <p>Writing is atomic ({@link AtomicFile}): at every instant the path holds either the previous
 * complete file or the new one, with the user's umask.
 *
 * <p>Results are JSON objects: {@link #toNode(ScenarioResult)} renders a fresh result, and results
 * read back are kept as the objects they were, so resumed results are written again verbatim.
 *
 * <p>Not thread-safe: one writer per file.
 */
public final class ResultsFile {

  /** The value of {@code "tool"} that marks a file as ours. */
  public static final String TOOL = "worker-bench";

  /** The format this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path path;

  public ResultsFile(Path path) {
    this.path = path;
  }

  /** Where the file lives. */
  public Path path() {
    return path;
  }

  /** Whether something exists at the path. */
  public boolean exists() {
    return Files.exists(path);
  }

  /**
   * One result as written in the file: the scenario's fields (optional ones with their resolved
   * values), status, error (only when set), warnings, elapsed_time, timestamp, duration_scale,
   * resolved_strategy, cores, worker_startup_time, warmup_time, engine_startup_time ({@code
   * null} when the scenario ran on an engine already running), each metric plain and with {@code
   * _avg}, {@code _min}, {@code _max}, {@code _std}, {@code _ci95} ({@code null} when no repeat
   * ran), harness_bound, diagnosis and {@code repeat_results} (each repeat with its own
   * harness_bound and diagnosis).
   */
  public static ObjectNode toNode(ScenarioResult result) {
    ScenarioPlan plan = result.plan();
    ObjectNode node = ScenarioWriter.toNode(plan.scenario());
    for (String optional :
        List.of("acquisition", "max_jobs_active", "jitter_pct", "transport", "failure_rate")) {
      node.remove(optional);
    }
    node.put("acquisition", plan.acquisition().id());
    node.put("max_jobs_active", plan.maxJobsActive());
    putNumber(node, "jitter_pct", plan.jitterPct());
    node.put("transport", plan.transport().id());
    putNumber(node, "failure_rate", plan.failureRate());

    node.put("status", result.status().id());
    if (result.error() != null) {
      node.put("error", result.error());
    }
    ArrayNode warnings = node.putArray("warnings");
    result.warnings().forEach(warnings::add);
    putNumber(node, "elapsed_time", result.elapsedSeconds());
    node.put("timestamp", result.finishedAt().toString());
    putNumber(node, "duration_scale", plan.durationScale());
    node.put("resolved_strategy", result.resolvedStrategy());
    node.put("cores", result.cores());
    putNumber(node, "worker_startup_time", result.workerStartupSeconds());
    putNumber(node, "warmup_time", result.warmupSeconds());
    putNumber(node, "engine_startup_time", result.engineStartupSeconds());

    Map<Metric, MetricSummary> summaries = result.summaries();
    for (Metric metric : Metric.values()) {
      MetricSummary summary = summaries.get(metric);
      if (summary == null) {
        node.putNull(metric.fileName());
        for (MetricSummary.Statistic statistic : MetricSummary.Statistic.values()) {
          node.putNull(metric.fileName(statistic));
        }
        continue;
      }
      putNumber(node, metric.fileName(), summary.avg());
      for (MetricSummary.Statistic statistic : MetricSummary.Statistic.values()) {
        putNumber(node, metric.fileName(statistic), statistic.of(summary));
      }
    }

    Diagnosis diagnosis = result.diagnosis();
    node.put("harness_bound", diagnosis.harnessBound());
    putDiagnosis(node, diagnosis);

    ArrayNode repeats = node.putArray("repeat_results");
    for (RepeatMetrics repeat : result.repeats()) {
      ObjectNode repeatNode = repeats.addObject();
      repeatNode.put("repeat", repeat.repeat());
      repeatNode.put("status", repeat.status().id());
      if (repeat.error() != null) {
        repeatNode.put("error", repeat.error());
      }
      for (Metric metric : Metric.values()) {
        double value = metric.of(repeat);
        if (metric.unit() == Metric.Unit.COUNT && Double.isFinite(value)) {
          repeatNode.put(metric.fileName(), Math.round(value));
        } else {
          putNumber(repeatNode, metric.fileName(), value);
        }
      }
      repeatNode.put("harness_bound", repeat.diagnosis().harnessBound());
      putDiagnosis(repeatNode, repeat.diagnosis());
    }
    return node;
  }

  /**
   * {@code "diagnosis"}: the slot-time fractions, the work per run, the cause and its advice; null
   * when the slots were not measured.
   */
  private static void putDiagnosis(ObjectNode node, Diagnosis diagnosis) {
    if (!diagnosis.measured()) {
      node.putNull("diagnosis");
      return;
    }
    SlotUse slots = diagnosis.slots();
    ObjectNode object = node.putObject("diagnosis");
    putNumber(object, "working", slots.working());
    putNumber(object, "awaiting_activation", slots.awaitingActivation());
    putNumber(object, "awaiting_start", slots.awaitingStart());
    putNumber(object, "awaiting_completion", slots.awaitingCompletion());
    putNumber(object, "other", slots.other());
    putNumber(object, "work_per_run_s", slots.workPerRunSeconds());
    object.put("cause", diagnosis.cause().id());
    object.put("advice", diagnosis.advice());
  }

  /** The whole file's text for this header and these results (each a {@link #toNode} object). */
  public static String render(ResultsHeader header, List<? extends JsonNode> results) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("tool", TOOL);
    root.put("format_version", FORMAT_VERSION);
    root.put("generated_at", header.generatedAt().toString());
    root.put("scenarios_file", header.scenariosFile());
    root.put("engine", header.engine());
    putText(root, "engine_image", header.engineSetup().image());
    putText(root, "engine_scope", header.engineSetup().scope());
    putText(root, "engine_cpus", header.engineSetup().cpus());
    putNumber(root, "duration_scale", header.durationScale());
    root.put("total_scenarios", results.size());
    List<String> failed = new ArrayList<>();
    for (JsonNode result : results) {
      if (!RunStatus.SUCCESS.id().equals(result.path("status").asText())) {
        failed.add(result.path("name").asText());
      }
    }
    root.put("failed_count", failed.size());
    ArrayNode failedNames = root.putArray("failed_scenarios");
    failed.forEach(failedNames::add);
    ArrayNode list = root.putArray("results");
    results.forEach(list::add);
    return ScenarioWriter.pretty(root);
  }

  /**
   * Replaces the file, atomically, with this header and these results.
   *
   * @throws UncheckedIOException when it cannot be written; the previous file is then intact
   */
  public void write(ResultsHeader header, List<? extends JsonNode> results) {
    byte[] bytes = render(header, results).getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFile.replace(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to save the results to "
              + path
              + ", but "
              + e
              + "; check the folder is"
              + " writable and the disk has space",
          e);
    }
  }


  /**
   * The file as written by {@link #write}.
   *
   * @throws ResultsFileException when it is missing, unreadable, not ours or corrupt; the message
   *     names the file
   */
  public ResultsContent read() {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ResultsFileException(path + ": results file not found", e);
    } catch (IOException | UncheckedIOException e) {
      throw new ResultsFileException(path + ": the results file cannot be read: " + e, e);
    }
    JsonNode root;
    try {
      root = text.isBlank() ? null : MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw corrupt(
          "is not valid JSON"
              + (location == null
                  ? ""
                  : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"),
          e);
    }
    if (root == null || !root.isObject() || !TOOL.equals(root.path("tool").asText(null))) {
      throw new ResultsFileException(
          path
              + ": not a Worker Bench results file (no \"tool\": \""
              + TOOL
              + "\"), so it cannot be resumed; choose another --output or move the file away");
    }
    int version = root.path("format_version").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw corrupt("has format_version " + root.path("format_version") + ", expected 1", null);
    }
    ResultsHeader header;
    try {
      header =
          new ResultsHeader(
              Instant.parse(requiredText(root, "generated_at")),
              requiredText(root, "scenarios_file"),
              requiredText(root, "engine"),
              root.path("duration_scale").asDouble(Double.NaN),
              new EngineSetup(
                  root.path("engine_image").asText(""),
                  root.path("engine_scope").asText(""),
                  root.path("engine_cpus").asText("")));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw corrupt("has a broken header: " + e.getMessage(), e);
    }
    JsonNode list = root.get("results");
    if (list == null || !list.isArray()) {
      throw corrupt("has no \"results\" list", null);
    }
    List<ObjectNode> results = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode result = list.get(i);
      if (!result.isObject()
          || !result.path("name").isTextual()
          || !result.path("status").isTextual()) {
        throw corrupt("has a result #" + (i + 1) + " without a name and a status", null);
      }
      try {
        RunStatus.fromId(result.get("status").asText());
      } catch (IllegalArgumentException e) {
        throw corrupt("has a result #" + (i + 1) + " with " + e.getMessage(), e);
      }
      results.add((ObjectNode) result);
    }
    return new ResultsContent(header, results);
  }

  private String requiredText(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing");
    }
    return value.asText();
  }

  private ResultsFileException corrupt(String problem, Throwable cause) {
    return new ResultsFileException(
        path
            + ": the results file "
            + problem
            + ", so it cannot be resumed; repair it, choose another --output or move it away",
        cause);
  }

  /** Text, or {@code null} for {@code ""} (does not apply, not known). */
  private static void putText(ObjectNode node, String field, String value) {
    if (value.isEmpty()) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      // JSON has no NaN or infinity; null reads as NaN in pandas.
      node.putNull(field);
    }
  }
}
