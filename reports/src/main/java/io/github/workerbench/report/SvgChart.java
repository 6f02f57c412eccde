package io.github.workerbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.TreeSet;

/**
 * Renders the HTML report's charts as inline SVG, so the report needs no script library and no
 * network. Every drawn mark (line, point, bar, knee) carries a {@code data-mark} attribute and
 * the {@code svg} element carries their count in {@code data-marks}, so the page's script (and a
 * test) can check that each chart drew all it should. Stateless; text is escaped.
 */
final class SvgChart {

  private static final int WIDTH = 640;
  /** The widest the labels of {@link #bars} may take; longer ones are cut at the left. */
  private static final int MAX_LABEL_WIDTH = 320;
  private static final int LEFT = 64;
  private static final int RIGHT = 136;
  private static final int TOP = 18;
  private static final int BOTTOM = 46;
  private static final String[] PALETTE = {
    "#2563eb", "#ea580c", "#16a34a", "#9333ea", "#a16207", "#db2777", "#0891b2", "#4b5563"
  };
  private static final List<String> KNOWN = List.of("async", "thread", "auto", "virtual", "process");

  private SvgChart() {}

  /** A fixed colour per strategy, so every chart uses the same one for it. */
  static String color(String strategy, List<String> allStrategies) {
    int known = KNOWN.indexOf(strategy);
    if (known >= 0) {
      return PALETTE[known];
    }
    List<String> others = allStrategies.stream().filter(s -> !KNOWN.contains(s)).toList();
    int index = Math.max(0, others.indexOf(strategy));
    return PALETTE[KNOWN.size() + index % (PALETTE.length - KNOWN.size())];
  }

  /** One series of a line chart: its name, colour and (x, y) points in ascending x. */
  record Series(String name, String color, List<double[]> points, Double kneeX) {}

  /** One bar: label, value, colour and the text shown at its end. */
  record Bar(String label, double value, String color, String text) {}

  /**
   * A line chart with an ordinal x axis (the distinct x values evenly spaced, since suites step
   * x geometrically), y from 0; a series' knee, when given, is ringed and labelled.
   */
  static String lines(String id, String title, String xLabel, String yLabel, List<Series> series) {
    int height = 300;
    TreeSet<Double> xs = new TreeSet<>();
    double maxY = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        xs.add(p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    List<Double> xValues = new ArrayList<>(xs);
    double top = niceMax(maxY);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = height - TOP - BOTTOM;
    StringBuilder body = new StringBuilder();
    int marks = axes(body, top, plotWidth, plotHeight, height, xLabel, yLabel);
    for (int i = 0; i < xValues.size(); i++) {
      double x = xPos(i, xValues.size(), plotWidth);
      body.append(text(x, TOP + plotHeight + 16, "middle", "tick", Fmt.num(xValues.get(i))));
    }
    int legendY = TOP + 6;
    List<String[]> kneeLabels = new ArrayList<>();
    for (Series s : series) {
      StringBuilder path = new StringBuilder();
      StringBuilder points = new StringBuilder();
      for (double[] p : s.points()) {
        double x = xPos(xValues.indexOf(p[0]), xValues.size(), plotWidth);
        double y = TOP + plotHeight - p[1] / top * plotHeight;
        path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y));
        points.append("<circle data-mark=\"point\" cx=\"").append(f(x)).append("\" cy=\"")
            .append(f(y)).append("\" r=\"4\" fill=\"").append(s.color()).append("\"><title>")
            .append(HtmlReport.esc(s.name() + " at " + xLabel + " " + Fmt.num(p[0]) + ": "
                + Fmt.rate(p[1]) + " " + yLabel))
            .append("</title></circle>");
        marks++;
        if (s.kneeX() != null && s.kneeX() == p[0]) {
          points.append("<circle data-mark=\"knee\" class=\"knee\" cx=\"").append(f(x))
              .append("\" cy=\"").append(f(y)).append("\" r=\"9\" fill=\"none\" stroke=\"")
              .append(s.color()).append("\" stroke-width=\"2\" stroke-dasharray=\"3 2\">")
              .append("<title>").append(HtmlReport.esc(s.name() + " knee at " + Fmt.num(p[0])))
              .append("</title></circle>");
          kneeLabels.add(new String[] {s.color(), s.name() + " c=" + Fmt.num(p[0])});
          marks++;
        }
      }
      body.append("<path data-mark=\"line\" d=\"").append(path).append("\" fill=\"none\" stroke=\"")
          .append(s.color()).append("\" stroke-width=\"2\"/>");
      marks++;
      body.append(points);
      body.append(legend(WIDTH - RIGHT + 14, legendY, s.color(), s.name()));
      legendY += 18;
    }
    // Knees are listed under the legend, not beside their points, where labels would collide.
    legendY += 8;
    if (!kneeLabels.isEmpty()) {
      body.append(text(WIDTH - RIGHT + 14, legendY + 1, "start", "knee-label", "knee"));
      legendY += 18;
    }
    for (String[] knee : kneeLabels) {
      body.append("<circle cx=\"").append(WIDTH - RIGHT + 20).append("\" cy=\"").append(legendY - 3)
          .append("\" r=\"5\" fill=\"none\" stroke=\"").append(knee[0])
          .append("\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>")
          .append(text(WIDTH - RIGHT + 32, legendY + 1, "start", "knee-label", knee[1]));
      legendY += 18;
    }
    return svg(id, title, height, marks, body);
  }

  /** A horizontal bar chart, one bar per item, x from 0. */
  static String bars(String id, String title, String unit, List<Bar> bars) {
    int rowHeight = 18;
    // room for the longest label at about 7 px a character (11 px sans-serif), within bounds
    int longest = bars.stream().mapToInt(bar -> bar.label().length()).max().orElse(0);
    int labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(220, 7 * longest + 12));
    int height = TOP + bars.size() * rowHeight + BOTTOM;
    double top = niceMax(bars.stream().mapToDouble(Bar::value).max().orElse(0));
    int plotWidth = WIDTH - labelWidth - 70;
    StringBuilder body = new StringBuilder();
    int marks = 0;
    for (int t = 0; t <= 4; t++) {
      double x = labelWidth + plotWidth * t / 4.0;
      body.append("<line class=\"grid\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x))
          .append("\" y1=\"").append(TOP).append("\" y2=\"").append(height - BOTTOM).append("\"/>");
      body.append(text(x, height - BOTTOM + 16, "middle", "tick", Fmt.num(top * t / 4)));
    }
    body.append(text(labelWidth + plotWidth / 2.0, height - 8, "middle", "axis-label", unit));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = TOP + i * rowHeight;
      double w = top == 0 ? 0 : bar.value() / top * plotWidth;
      body.append(text(labelWidth - 6, y + 13, "end", "bar-label", bar.label()));
      body.append("<rect data-mark=\"bar\" x=\"").append(labelWidth).append("\" y=\"")
          .append(f(y + 3)).append("\" width=\"").append(f(Math.max(w, 1))).append("\" height=\"")
          .append(rowHeight - 6).append("\" fill=\"").append(bar.color()).append("\"><title>")
          .append(HtmlReport.esc(bar.label() + ": " + bar.text())).append("</title></rect>");
      body.append(text(labelWidth + Math.max(w, 1) + 4, y + 13, "start", "bar-value", bar.text()));
      marks++;
    }
    return svg(id, title, height, marks, body);
  }

  /** Vertical bars in groups: one group per category, one bar per series, y from 0. */
  static String groupedBars(
      String id, String title, String unit, List<String> categories, List<String> seriesNames,
      List<String> colors, double[][] values) {
    int height = 300;
    double maxY = 0;
    for (double[] row : values) {
      for (double value : row) {
        maxY = Math.max(maxY, value);
      }
    }
    double top = niceMax(maxY);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = height - TOP - BOTTOM;
    StringBuilder body = new StringBuilder();
    int marks = axes(body, top, plotWidth, plotHeight, height, "", unit);
    double groupWidth = plotWidth / (double) categories.size();
    double barWidth = Math.min(28, groupWidth * 0.8 / seriesNames.size());
    for (int c = 0; c < categories.size(); c++) {
      double groupStart = LEFT + c * groupWidth + (groupWidth - barWidth * seriesNames.size()) / 2;
      body.append(text(LEFT + (c + 0.5) * groupWidth, TOP + plotHeight + 16, "middle", "tick",
          categories.get(c)));
      for (int s = 0; s < seriesNames.size(); s++) {
        double value = values[c][s];
        double h = top == 0 ? 0 : value / top * plotHeight;
        double x = groupStart + s * barWidth;
        body.append("<rect data-mark=\"bar\" x=\"").append(f(x)).append("\" y=\"")
            .append(f(TOP + plotHeight - Math.max(h, 1))).append("\" width=\"").append(f(barWidth - 2))
            .append("\" height=\"").append(f(Math.max(h, 1))).append("\" fill=\"").append(colors.get(s))
            .append("\"><title>").append(HtmlReport.esc(categories.get(c) + " " + seriesNames.get(s)
                + ": " + Fmt.num(value) + " " + unit)).append("</title></rect>");
        marks++;
      }
    }
    int legendY = TOP + 6;
    for (int s = 0; s < seriesNames.size(); s++) {
      body.append(legend(WIDTH - RIGHT + 14, legendY, colors.get(s), seriesNames.get(s)));
      legendY += 18;
    }
    return svg(id, title, height, marks, body);
  }

  private static int axes(StringBuilder body, double top, int plotWidth, int plotHeight,
      int height, String xLabel, String yLabel) {
    for (int t = 0; t <= 4; t++) {
      double y = TOP + plotHeight - plotHeight * t / 4.0;
      body.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"")
          .append(LEFT + plotWidth).append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y))
          .append("\"/>");
      body.append(text(LEFT - 6, y + 4, "end", "tick", Fmt.num(top * t / 4)));
    }
    body.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth)
        .append("\" y1=\"").append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight)
        .append("\"/>");
    body.append(text(LEFT + plotWidth / 2.0, height - 8, "middle", "axis-label", xLabel));
    body.append("<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(16 ")
        .append(f(TOP + plotHeight / 2.0)).append(") rotate(-90)\">").append(HtmlReport.esc(yLabel))
        .append("</text>");
    return 0;
  }

  private static String svg(String id, String title, int height, int marks, StringBuilder body) {
    return "<svg class=\"chart\" id=\"" + HtmlReport.esc(id) + "\" data-chart=\"" + HtmlReport.esc(id)
        + "\" data-marks=\"" + marks + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height
        + "\" role=\"img\" aria-label=\"" + HtmlReport.esc(title) + "\">" + body + "</svg>";
  }

  private static String legend(double x, double y, String color, String name) {
    return "<rect x=\"" + f(x) + "\" y=\"" + f(y - 9) + "\" width=\"12\" height=\"12\" rx=\"2\" fill=\""
        + color + "\"/>" + text(x + 18, y + 1, "start", "legend", name);
  }

  private static String text(double x, double y, String anchor, String cssClass, String content) {
    return "<text class=\"" + cssClass + "\" x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\""
        + anchor + "\">" + HtmlReport.esc(content) + "</text>";
  }

  private static double xPos(int index, int count, int plotWidth) {
    return count == 1 ? LEFT + plotWidth / 2.0 : LEFT + 20 + (plotWidth - 40) * index / (double) (count - 1);
  }

  /** The smallest of 1, 2, 2.5, 5 × a power of ten at or above {@code max} (1 for 0). */
  static double niceMax(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

}
