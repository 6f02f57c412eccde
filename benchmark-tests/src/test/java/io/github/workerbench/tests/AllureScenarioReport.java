package io.github.workerbench.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.workerbench.core.result.MetricSummary;
import io.github.workerbench.core.result.ScenarioResult;
import io.github.workerbench.core.scenario.ScenarioPlan;
import io.github.workerbench.core.scenario.ScenarioWriter;
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
    Map<String, MetricSummary> metrics = result.summaries();
    Allure.addAttachment(
        "latency.svg",
        "image/svg+xml",
        LatencyChart.svg(
            "Latency of '" + result.name() + "' (ms, mean over repeats)",
            List.of(
                distribution("latency", "latency", metrics),
                distribution("start delay", "start_delay", metrics))),
        ".svg");
  }

  /** The last lines logged while the scenario ran. */
  static void attachLogTail(String text) {
    Allure.addAttachment("worker log (tail)", "text/plain", text, ".log");
  }

  private static LatencyChart.Distribution distribution(
      String label, String prefix, Map<String, MetricSummary> metrics) {
    return new LatencyChart.Distribution(
        label,
        avg(metrics, prefix + "_p50_ms"),
        avg(metrics, prefix + "_p95_ms"),
        avg(metrics, prefix + "_p99_ms"),
        avg(metrics, prefix + "_max_ms"));
  }

  private static double avg(Map<String, MetricSummary> metrics, String name) {
    MetricSummary summary = metrics.get(name);
    return summary == null ? Double.NaN : summary.avg();
  }
}
