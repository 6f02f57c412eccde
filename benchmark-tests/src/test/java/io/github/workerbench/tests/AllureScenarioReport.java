package io.github.workerbench.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary;
import io.github.workerbench.model.result.ScenarioResult;
import io.github.workerbench.model.scenario.ScenarioPlan;
import io.github.workerbench.model.scenario.ScenarioWriter;
import io.qameta.allure.Allure;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's test tells Allure: labels epic = phase, feature = strategy, story = workload
 * and tag = the JUnit tag; every scenario field (resolved optional values included) as a
 * parameter; the metrics object of the results file as JSON, the latency distribution as SVG and,
 * on failure, the tail of the log.
 *
 * <p>Calls go to the current Allure test case of the calling thread: call from the test's thread.
 */
final class AllureScenarioReport {

  private AllureScenarioReport() {}

  /** Labels and parameters, known before the scenario runs. */
  static void describe(ScenarioPlan plan, String tag) {
    Allure.epic(plan.scenario().phase());
    Allure.feature(plan.scenario().strategy().id());
    Allure.story(plan.scenario().workloadType().id());
    Allure.label("tag", tag);
    Allure.description(plan.scenario().description());
    ObjectNode fields = ScenarioWriter.toNode(plan.scenario());
    fields.put("acquisition", plan.acquisition().id());
    fields.put("max_jobs_active", plan.maxJobsActive());
    fields.put("jitter_pct", plan.jitterPct());
    fields.put("transport", plan.transport().id());
    fields.put("failure_rate", plan.failureRate());
    fields.put("duration_scale", plan.durationScale());
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      JsonNode value = field.getValue();
      Allure.parameter(field.getKey(), value.isTextual() ? value.asText() : value.toString());
    }
  }

  /** The metrics as JSON (the object the results file holds) and the latency chart. */
  static void attachResult(ScenarioResult result, ObjectNode written) {
    Allure.addAttachment("metrics.json", "application/json", written.toPrettyString(), ".json");
    Map<Metric, MetricSummary> metrics = result.summaries();
    Allure.addAttachment(
        "latency.svg",
        "image/svg+xml",
        LatencyChart.svg(
            "Latency of '" + result.name() + "' (ms, mean over repeats)",
            List.of(
                distribution(
                    "latency",
                    metrics,
                    Metric.LATENCY_P50,
                    Metric.LATENCY_P95,
                    Metric.LATENCY_P99,
                    Metric.LATENCY_MAX),
                distribution(
                    "start delay",
                    metrics,
                    Metric.START_DELAY_P50,
                    Metric.START_DELAY_P95,
                    Metric.START_DELAY_P99,
                    Metric.START_DELAY_MAX))),
        ".svg");
  }

  /** The last lines logged while the scenario ran. */
  static void attachLogTail(String text) {
    Allure.addAttachment("worker log (tail)", "text/plain", text, ".log");
  }

  private static LatencyChart.Distribution distribution(
      String label, Map<Metric, MetricSummary> metrics, Metric... p50p95p99max) {
    return new LatencyChart.Distribution(
        label,
        avg(metrics, p50p95p99max[0]),
        avg(metrics, p50p95p99max[1]),
        avg(metrics, p50p95p99max[2]),
        avg(metrics, p50p95p99max[3]));
  }

  private static double avg(Map<Metric, MetricSummary> metrics, Metric metric) {
    MetricSummary summary = metrics.get(metric);
    return summary == null ? Double.NaN : summary.avg();
  }
}
