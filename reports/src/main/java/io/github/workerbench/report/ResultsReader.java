package io.github.workerbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary.Statistic;
import io.github.workerbench.model.scenario.IdealTime;
import io.github.workerbench.model.scenario.StrategyKind;
import io.github.workerbench.model.scenario.WorkloadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Reads results files into {@link ResultsData}: the files this project writes
 * (docs/RESULTS_FORMAT.md) and those of the seed's Python runner, which use the same field names
 * but may carry only {@code jobs_per_second_avg}, lack our additions (efficiency, latency,
 * confidence intervals) or be a bare list of results.
 *
 * <p>Throughput is {@code jobs_per_second_avg}, else {@code jobs_per_second}. Efficiency is
 * {@code efficiency_avg}, else {@code efficiency}, else derived from {@code total_time} with
 * {@link IdealTime}'s rule when the file holds what the rule needs (for cpu work under a parallel
 * strategy that includes {@code cores}). Unknown fields and strategies are kept
 * as they are. Stateless and thread-safe.
 */
public final class ResultsReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsReader() {}

  /**
   * Reads one results file.
   *
   * @throws ReportInputException when the file is missing, unreadable, not JSON or not a results
   *     file; its message is one line naming the file
   */
  public static ResultsData read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException missing) {
      throw new ReportInputException(
          "Expected a results file at " + file + ", but there is none", missing);
    } catch (IOException | RuntimeException unreadable) {
      throw new ReportInputException(
          "Expected to read the results file " + file + ", but " + oneLine(unreadable),
          unreadable);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses results JSON held in memory; {@code source} names it in messages.
   *
   * @throws ReportInputException when it is not JSON or not a results file
   */
  public static ResultsData parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException notJson) {
      throw new ReportInputException(
          "Expected JSON in the results file " + source + ", but it is not valid JSON (line "
              + notJson.getLocation().getLineNr() + ")",
          notJson);
    }
    JsonNode results;
    Map<String, String> header = new LinkedHashMap<>();
    if (root != null && root.isArray()) {
      results = root;
    } else if (root != null && root.isObject() && root.path("results").isArray()) {
      results = root.get("results");
      root.properties().forEach(
          entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
              header.put(entry.getKey(), entry.getValue().asText());
            }
          });
    } else {
      throw new ReportInputException(
          "Expected a results file (an object with a \"results\" list) in " + source
              + ", but found none");
    }
    List<ReportRow> rows = new ArrayList<>();
    int index = 0;
    for (JsonNode result : results) {
      index++;
      if (!result.isObject() || !result.path("name").isTextual()) {
        throw new ReportInputException(
            "Expected result " + index + " in " + source
                + " to be an object with a \"name\", but it is not");
      }
      rows.add(toRow(result));
    }
    return new ResultsData(source, header, rows);
  }

  private static ReportRow toRow(JsonNode result) {
    Map<String, String> fields = new LinkedHashMap<>();
    result.properties().forEach(entry -> fields.put(entry.getKey(), text(entry.getValue())));
    OptionalDouble throughput = metric(result, Metric.JOBS_PER_SECOND);
    String status = result.path("status").asText("");
    if (status.isEmpty()) {
      // The seed's runner writes no status on older files; a throughput means it completed.
      status = throughput.isPresent() ? "success" : "unknown";
    }
    String strategy = result.path("strategy").asText("unknown");
    String workload = result.path("workload_type").asText("unknown");
    int instances = result.path("num_instances").asInt(0);
    double duration = result.path("work_duration").asDouble(0);
    int concurrency = result.path("max_concurrent_jobs").asInt(0);
    OptionalDouble efficiency = metric(result, Metric.EFFICIENCY);
    if (efficiency.isEmpty()) {
      efficiency =
          derivedEfficiency(
              strategy,
              workload,
              instances,
              duration,
              concurrency,
              result.path("cores").asInt(0),
              metric(result, Metric.TOTAL_TIME));
    }
    return new ReportRow(
        result.get("name").asText(),
        result.path("phase").asText("unknown"),
        strategy,
        workload,
        instances,
        duration,
        concurrency,
        Math.max(1, result.path("repeats").asInt(1)),
        status,
        result.path("error").isNull() ? "" : result.path("error").asText(""),
        throughput,
        firstNumber(result, Metric.JOBS_PER_SECOND.fileName(Statistic.CI95)),
        efficiency,
        fields);
  }

  /**
   * {@link IdealTime}'s rule over a measured total time, where the file holds what the rule needs:
   * a known workload, and the cores when the rule reads them. A strategy this project does not
   * know (a seed's {@code uvloop}) counts as a parallel one, as every strategy but {@code async}
   * does.
   */
  static OptionalDouble derivedEfficiency(
      String strategy,
      String workload,
      int instances,
      double duration,
      int concurrency,
      int cores,
      OptionalDouble totalTime) {
    if (totalTime.isEmpty() || totalTime.getAsDouble() <= 0 || instances <= 0 || duration <= 0
        || concurrency <= 0) {
      return OptionalDouble.empty();
    }
    Optional<WorkloadKind> work = kind(WorkloadKind::fromId, workload.toLowerCase(Locale.ROOT));
    if (work.isEmpty()) {
      return OptionalDouble.empty();
    }
    StrategyKind model = kind(StrategyKind::fromId, strategy).orElse(StrategyKind.AUTO);
    if (cores <= 0 && IdealTime.dependsOnCores(model, work.get())) {
      return OptionalDouble.empty();
    }
    double ideal =
        IdealTime.seconds(model, work.get(), instances, concurrency, duration, Math.max(1, cores));
    return OptionalDouble.of(ideal / totalTime.getAsDouble());
  }

  private static <K> Optional<K> kind(Function<String, K> fromId, String id) {
    try {
      return Optional.of(fromId.apply(id));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** A metric's mean over the repeats: its {@code _avg} field, else its plain one. */
  private static OptionalDouble metric(JsonNode result, Metric metric) {
    return firstNumber(result, metric.fileName(Statistic.AVG), metric.fileName());
  }

  private static OptionalDouble firstNumber(JsonNode result, String... keys) {
    for (String key : keys) {
      JsonNode value = result.get(key);
      if (value != null && value.isNumber() && Double.isFinite(value.asDouble())) {
        return OptionalDouble.of(value.asDouble());
      }
    }
    return OptionalDouble.empty();
  }

  private static String text(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String oneLine(Exception cause) {
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
