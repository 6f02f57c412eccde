package io.github.workerbench.report;

import io.github.workerbench.model.result.Metric;
import io.github.workerbench.model.result.MetricSummary.Statistic;
import io.github.workerbench.model.scenario.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Writes the one-file HTML report: the key-question answers, six charts drawn as inline SVG
 * (throughput vs concurrency per strategy with each knee ringed, throughput vs load, throughput
 * vs work duration, efficiency per scenario, memory per strategy, latency percentiles per
 * strategy) and a results table that a small inline script sorts (click a header) and filters.
 *
 * <p>The file loads nothing: no CDN, no fonts, no images. All text from the results is
 * HTML-escaped. A chart whose phase is missing shows which phase instead of drawing. After
 * loading, the script marks each chart that rendered with {@code data-chart-ready="true"} (its
 * drawn bounding box is not empty and it holds the marks Java drew) and the table with
 * {@code data-table-ready="true"} and its row count. Stateless.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /**
   * Writes the report for these results to {@code file}, replacing it.
   *
   * @throws IOException when the file cannot be written
   */
  public static void write(ResultsData data, Path file) throws IOException {
    Files.writeString(file, render(data), StandardCharsets.UTF_8);
  }

  /** The report's HTML text. */
  public static String render(ResultsData data) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Worker Bench report: ").append(esc(data.source())).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    header(data, html);
    keyQuestions(data, html);
    charts(data, html);
    table(data, html);
    html.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void header(ResultsData data, StringBuilder html) {
    long succeeded = data.measured().size();
    html.append("<header><h1>Worker Bench report</h1><p class=\"source\">")
        .append(esc(data.source())).append("</p><ul class=\"facts\">");
    for (Map.Entry<String, String> fact : data.header().entrySet()) {
      if (!fact.getValue().isBlank() && !fact.getKey().equals("failed_count")
          && !fact.getKey().equals("total_scenarios")) {
        html.append("<li><span>").append(esc(fact.getKey())).append("</span> ")
            .append(esc(fact.getValue())).append("</li>");
      }
    }
    html.append("<li><span>results</span> ").append(data.rows().size()).append("</li>")
        .append("<li><span>succeeded</span> ").append(succeeded).append("</li>")
        .append("<li><span>strategies</span> ").append(esc(String.join(", ", data.strategies())))
        .append("</li></ul></header>\n");
  }

  private static void keyQuestions(ResultsData data, StringBuilder html) {
    html.append("<section id=\"key-questions\"><h2>Key questions</h2><ol class=\"answers\">");
    for (KeyAnswer answer : KeyQuestions.answer(data)) {
      html.append("<li class=\"answer").append(answer.answered() ? "" : " unanswered")
          .append("\" data-question=\"").append(answer.number()).append("\"><h3>")
          .append(esc(answer.question())).append("</h3><p>").append(esc(answer.answer()))
          .append("</p>");
      if (!answer.evidence().isEmpty()) {
        html.append("<ul class=\"evidence\">");
        answer.evidence().forEach(line -> html.append("<li>").append(esc(line)).append("</li>"));
        html.append("</ul>");
      }
      html.append("</li>");
    }
    html.append("</ol></section>\n");
  }

  private static void charts(ResultsData data, StringBuilder html) {
    List<String> strategies = data.strategies();
    html.append("<section id=\"charts\"><h2>Charts</h2><div class=\"grid\">");
    Map.Entry<String, List<ReportRow>> concurrency = KeyQuestions.concurrencyRows(data);
    Map<String, Knee> knees = Knee.perStrategy(concurrency.getValue());
    String concurrencyNote =
        concurrency.getKey().isEmpty() || concurrency.getKey().equals(Phase.CONCURRENCY_SCALING.id())
            ? ""
            : " (from " + concurrency.getKey() + ")";
    figure(html, "Throughput vs concurrency" + concurrencyNote,
        "Knee (dashed ring): the smallest concurrency reaching 90% of the strategy's best.",
        knees.isEmpty()
            ? missing(Phase.CONCURRENCY_SCALING)
            : SvgChart.lines("chart-concurrency", "Throughput vs concurrency", "max_concurrent_jobs",
                "jobs/s", curveSeries(concurrency.getValue(), strategies, knees,
                    ReportRow::maxConcurrentJobs)));
    List<ReportRow> load = data.phase(Phase.LOAD_SCALING);
    figure(html, "Throughput vs load", "Jobs per run (num_instances) at c=20.",
        load.stream().noneMatch(ReportRow::measured)
            ? missing(Phase.LOAD_SCALING)
            : SvgChart.lines("chart-load", "Throughput vs load", "num_instances", "jobs/s",
                curveSeries(load, strategies, Map.of(), ReportRow::numInstances)));
    List<ReportRow> duration = data.phase(Phase.WORK_DURATION);
    figure(html, "Throughput vs work duration", "Seconds of work per job.",
        duration.stream().noneMatch(ReportRow::measured)
            ? missing(Phase.WORK_DURATION)
            : SvgChart.lines("chart-duration", "Throughput vs work duration", "work_duration (s)",
                "jobs/s", curveSeries(duration, strategies, Map.of(), ReportRow::workDurationSeconds)));
    List<SvgChart.Bar> efficiency = new ArrayList<>();
    for (ReportRow row : data.measured()) {
      row.efficiency().ifPresent(e -> efficiency.add(new SvgChart.Bar(row.name(), e * 100,
          SvgChart.color(row.strategy(), strategies), Fmt.pct(e))));
    }
    StringBuilder swatches = new StringBuilder("<ul class=\"swatches\">");
    for (String strategy : strategies) {
      swatches.append("<li><i style=\"background:").append(SvgChart.color(strategy, strategies))
          .append("\"></i>").append(esc(strategy)).append("</li>");
    }
    swatches.append("</ul>");
    figure(html, "Efficiency per scenario", "Ideal time over measured time; 100% is ideal.",
        efficiency.isEmpty()
            ? "<p class=\"empty\" data-chart-empty=\"efficiency\">No result carries an efficiency.</p>"
            : swatches + SvgChart.bars("chart-efficiency", "Efficiency per scenario", "efficiency (%)",
                efficiency));
    figure(html, "Memory per strategy", "Mean over the strategy's successful results.",
        perStrategy(data, strategies, "chart-memory", "Memory per strategy", "MiB",
            List.of(Metric.MEMORY_PEAK, Metric.MAX_RSS), List.of("heap peak", "max RSS"),
            List.of("#0891b2", "#a16207")));
    figure(html, "Latency percentiles per strategy",
        "Job creation to completion, mean over the strategy's successful results.",
        perStrategy(data, strategies, "chart-latency", "Latency percentiles", "ms",
            List.of(Metric.LATENCY_P50, Metric.LATENCY_P95, Metric.LATENCY_P99),
            List.of("p50", "p95", "p99"), List.of("#16a34a", "#ea580c", "#dc2626")));
    html.append("</div></section>\n");
  }

  private static List<SvgChart.Series> curveSeries(
      List<ReportRow> rows,
      List<String> strategies,
      Map<String, Knee> knees,
      java.util.function.ToDoubleFunction<ReportRow> x) {
    Map<String, java.util.TreeMap<Double, List<Double>>> byStrategy = new LinkedHashMap<>();
    for (ReportRow row : rows) {
      if (row.measured()) {
        byStrategy.computeIfAbsent(row.strategy(), k -> new java.util.TreeMap<>())
            .computeIfAbsent(x.applyAsDouble(row), k -> new ArrayList<>())
            .add(row.throughput());
      }
    }
    List<SvgChart.Series> series = new ArrayList<>();
    byStrategy.forEach(
        (strategy, points) -> {
          List<double[]> xy = new ArrayList<>();
          points.forEach((px, ys) ->
              xy.add(new double[] {px, ys.stream().mapToDouble(Double::doubleValue).average().orElse(0)}));
          Knee knee = knees.get(strategy);
          series.add(new SvgChart.Series(strategy, SvgChart.color(strategy, strategies), xy,
              knee == null ? null : (double) knee.concurrency()));
        });
    return series;
  }

  private static String perStrategy(ResultsData data, List<String> strategies, String id,
      String title, String unit, List<Metric> metrics, List<String> names, List<String> colors) {
    List<String> categories = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (String strategy : strategies) {
      List<ReportRow> rows =
          data.measured().stream().filter(r -> r.strategy().equals(strategy)).toList();
      double[] means = new double[metrics.size()];
      boolean any = false;
      for (int m = 0; m < metrics.size(); m++) {
        Metric metric = metrics.get(m);
        OptionalDouble mean = rows.stream().map(r -> r.metric(metric))
            .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
        any |= mean.isPresent();
        means[m] = mean.orElse(0);
      }
      if (any) {
        categories.add(strategy);
        values.add(means);
      }
    }
    if (categories.isEmpty()) {
      return "<p class=\"empty\" data-chart-empty=\"" + esc(id) + "\">No result carries "
          + esc(metrics.stream().map(Metric::fileName).collect(Collectors.joining(" or ")))
          + ".</p>";
    }
    return SvgChart.groupedBars(id, title, unit, categories, names, colors,
        values.toArray(double[][]::new));
  }

  private static String missing(Phase phase) {
    return "<p class=\"empty\" data-chart-empty=\"" + esc(phase.id()) + "\">No data: the results"
        + " lack phase " + esc(phase.id()) + ".</p>";
  }

  private static void figure(StringBuilder html, String title, String note, String content) {
    html.append("<figure class=\"card\"><figcaption>").append(esc(title))
        .append("<small>").append(esc(note)).append("</small></figcaption>").append(content)
        .append("</figure>");
  }

  /**
   * A column of the results table: a scenario field as text ({@code t}) or number ({@code n}),
   * or a metric's mean over the repeats (throughput and efficiency as the row has them).
   */
  private record Column(String header, String field, Metric metric, String type) {
    static Column text(String header, String field) {
      return new Column(header, field, null, "t");
    }

    static Column number(String header, String field) {
      return new Column(header, field, null, "n");
    }

    static Column metric(String header, Metric metric) {
      return new Column(header, metric.fileName(), metric, "n");
    }
  }

  private static final List<Column> COLUMNS =
      List.of(
          Column.text("name", "name"),
          Column.text("phase", "phase"),
          Column.text("strategy", "strategy"),
          Column.text("workload", "workload_type"),
          Column.number("n", "num_instances"),
          Column.number("c", "max_concurrent_jobs"),
          Column.number("d (s)", "work_duration"),
          Column.text("status", "status"),
          Column.metric("jobs/s", Metric.JOBS_PER_SECOND),
          Column.number("± ci95", Metric.JOBS_PER_SECOND.fileName(Statistic.CI95)),
          Column.metric("eff", Metric.EFFICIENCY),
          Column.metric("p50 ms", Metric.LATENCY_P50),
          Column.metric("p99 ms", Metric.LATENCY_P99),
          Column.metric("heap MiB", Metric.MEMORY_PEAK),
          Column.metric("RSS MiB", Metric.MAX_RSS),
          Column.metric("failed jobs", Metric.FAILED_JOBS),
          Column.text("error", "error"));

  private static void table(ResultsData data, StringBuilder html) {
    html.append("<section id=\"results\"><h2>Results</h2><div class=\"filters\">")
        .append("<input id=\"filter\" type=\"search\" placeholder=\"Filter: name, phase, strategy,")
        .append(" workload, status...\" aria-label=\"Filter results\">")
        .append("<span id=\"shown\"></span></div><div class=\"scroll\">")
        .append("<table id=\"results-table\" data-results=\"").append(data.rows().size())
        .append("\"><thead><tr>");
    for (int i = 0; i < COLUMNS.size(); i++) {
      Column column = COLUMNS.get(i);
      html.append("<th data-col=\"").append(i).append("\" data-type=\"").append(column.type())
          .append("\">").append(esc(column.header())).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (ReportRow row : data.rows()) {
      html.append("<tr data-result=\"").append(esc(row.name())).append("\" class=\"")
          .append(row.measured() ? "ok" : "bad").append("\">");
      for (Column column : COLUMNS) {
        String text;
        String sortValue;
        if (column.metric() == Metric.JOBS_PER_SECOND) {
          text = row.jobsPerSecond().isPresent() ? Fmt.rate(row.throughput()) : "";
          sortValue = text;
        } else if (column.metric() == Metric.EFFICIENCY) {
          text = row.efficiency().isPresent() ? Fmt.pct(row.efficiency()) : "";
          sortValue = row.efficiency().isPresent() ? Double.toString(row.efficiency().getAsDouble()) : "";
        } else if (column.type().equals("n")) {
          OptionalDouble value =
              column.metric() != null ? row.metric(column.metric()) : row.number(column.field());
          text = value.isPresent() ? Fmt.num(value.getAsDouble()) : "";
          sortValue = value.isPresent() ? Double.toString(value.getAsDouble()) : "";
        } else {
          text = row.fields().getOrDefault(column.field(), "");
          sortValue = text;
        }
        html.append("<td data-v=\"").append(esc(sortValue)).append("\">").append(esc(text))
            .append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table></div></section>\n");
  }

  /** Escapes text for HTML content and attribute values. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      :root{--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--card:#fff;--accent:#2563eb}
      *{box-sizing:border-box}
      body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
      h1{margin:0;font-size:24px}h2{font-size:18px;margin:28px 0 12px;border-bottom:2px solid var(--line);padding-bottom:6px}
      h3{font-size:14px;margin:0 0 4px}
      .source{margin:4px 0 8px;color:var(--muted);font-family:ui-monospace,monospace}
      .facts{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0}
      .facts li{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:2px 8px}
      .facts span{color:var(--muted)}
      .answers{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px;padding:0;list-style:none;counter-reset:q}
      .answer{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:10px 14px;counter-increment:q}
      .answer h3::before{content:counter(q) ". ";color:var(--accent)}
      .answer.unanswered{border-left-color:#9ca3af;color:var(--muted)}
      .answer p{margin:0 0 6px;font-weight:600}
      .evidence{margin:0;padding-left:18px;color:#374151;font-size:12.5px}
      .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(600px,1fr));gap:16px}
      .card{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}
      figcaption{font-weight:600;margin-bottom:6px}figcaption small{display:block;font-weight:400;color:var(--muted)}
      svg.chart{width:100%;max-width:820px;height:auto;display:block}
.swatches{display:flex;gap:12px;margin:0 0 6px;padding:0;list-style:none;font-size:12px}.swatches i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
      svg .grid{stroke:var(--line)}svg .axis{stroke:#9ca3af}
      svg text{font:11px system-ui,sans-serif;fill:#374151}svg .axis-label{fill:var(--muted);font-size:12px}
      svg .legend{font-size:12px}svg .knee-label{font-size:11px;font-weight:600}
      svg .bar-label{font-size:11px}svg .bar-value{font-size:10.5px;fill:var(--muted)}
      .empty{color:var(--muted);font-style:italic;padding:24px 0}
      .filters{display:flex;gap:12px;align-items:center;margin-bottom:8px}
      #filter{width:420px;padding:6px 10px;border:1px solid #cbd5e1;border-radius:6px;font:inherit}
      #shown{color:var(--muted)}
      .scroll{overflow:auto;max-height:720px;border:1px solid var(--line);border-radius:8px;background:var(--card)}
      table{border-collapse:collapse;width:100%;font-size:12.5px}
      th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
      th{position:sticky;top:0;background:#f1f5f9;cursor:pointer;user-select:none}
      th[data-type=n],td:nth-child(n+5):not(:nth-child(8)):not(:last-child){text-align:right}
      th.asc::after{content:" \\25B2"}th.desc::after{content:" \\25BC"}
      tr.bad td{background:#fef2f2}tbody tr:hover td{background:#eff6ff}
      """;

  private static final String SCRIPT =
      """
      (function(){
        var ready=0;
        document.querySelectorAll('svg.chart').forEach(function(svg){
          var box=svg.getBBox();
          var drawn=svg.querySelectorAll('[data-mark]').length;
          if(box.width>0&&box.height>0&&drawn>0&&drawn===Number(svg.getAttribute('data-marks'))){
            svg.setAttribute('data-chart-ready','true');ready++;
          }else{svg.setAttribute('data-chart-ready','false');}
        });
        document.body.setAttribute('data-charts-ready',String(ready));
        var table=document.getElementById('results-table');
        var body=table.tBodies[0];
        var rows=Array.prototype.slice.call(body.rows);
        var shown=document.getElementById('shown');
        function count(){
          var n=rows.filter(function(r){return !r.hidden;}).length;
          shown.textContent=n+' of '+rows.length+' results';
          table.setAttribute('data-visible-rows',String(n));
        }
        table.querySelectorAll('th').forEach(function(th){
          th.addEventListener('click',function(){
            var col=Number(th.getAttribute('data-col'));
            var numeric=th.getAttribute('data-type')==='n';
            var dir=th.classList.contains('asc')?-1:1;
            table.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
            th.classList.add(dir===1?'asc':'desc');
            rows.sort(function(a,b){
              var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');
              if(numeric){
                var p=x===''?-Infinity:parseFloat(x),q=y===''?-Infinity:parseFloat(y);
                return (p-q)*dir;
              }
              return x.localeCompare(y)*dir;
            });
            rows.forEach(function(r){body.appendChild(r);});
          });
        });
        document.getElementById('filter').addEventListener('input',function(e){
          var terms=e.target.value.toLowerCase().split(/\\s+/).filter(Boolean);
          rows.forEach(function(r){
            var text=r.textContent.toLowerCase();
            r.hidden=!terms.every(function(t){return text.indexOf(t)>=0;});
          });
          count();
        });
        count();
        table.setAttribute('data-table-ready','true');
        table.setAttribute('data-rows',String(body.rows.length));
      })();
      """;
}
