package io.github.workerbench.tests;

import java.util.List;
import java.util.Locale;

/**
 * Draws the latency distribution of a scenario as a small SVG bar chart: p50, p95, p99 and max of
 * latency (creation to completion) and of start delay (activation to handler start), in
 * milliseconds, on one linear axis.
 *
 * <p>Stateless and thread-safe.
 */
final class LatencyChart {

  /** The four figures of one distribution, in milliseconds. */
  record Distribution(String label, double p50Millis, double p95Millis, double p99Millis,
      double maxMillis) {

    List<Double> values() {
      return List.of(p50Millis, p95Millis, p99Millis, maxMillis);
    }
  }

  private static final List<String> PERCENTILES = List.of("p50", "p95", "p99", "max");
  private static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b");
  private static final int WIDTH = 520;
  private static final int HEIGHT = 260;
  private static final int LEFT = 60;
  private static final int BOTTOM = 40;
  private static final int TOP = 40;

  private LatencyChart() {}

  /** The SVG document for these distributions (one bar colour each). */
  static String svg(String title, List<Distribution> distributions) {
    double top = 0;
    for (Distribution distribution : distributions) {
      for (double value : distribution.values()) {
        if (Double.isFinite(value)) {
          top = Math.max(top, value);
        }
      }
    }
    double scaleTop = top > 0 ? top * 1.1 : 1;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - 20;
    int groupWidth = plotWidth / PERCENTILES.size();
    int barWidth = (groupWidth - 20) / Math.max(1, distributions.size());
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
            LEFT,
            escape(title)));
    int axisY = HEIGHT - BOTTOM;
    svg.append(line(LEFT, TOP, LEFT, axisY)).append(line(LEFT, axisY, WIDTH - 20, axisY));
    for (int tick = 0; tick <= 4; tick++) {
      double value = scaleTop * tick / 4;
      int y = axisY - (int) Math.round(plotHeight * tick / 4.0);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              LEFT - 4,
              y + 4,
              format(value)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\">ms</text>%n",
            TOP + plotHeight / 2,
            TOP + plotHeight / 2));
    for (int p = 0; p < PERCENTILES.size(); p++) {
      int groupX = LEFT + p * groupWidth + 10;
      for (int d = 0; d < distributions.size(); d++) {
        double value = distributions.get(d).values().get(p);
        double shown = Double.isFinite(value) ? value : 0;
        int barHeight = (int) Math.round(plotHeight * shown / scaleTop);
        int x = groupX + d * barWidth;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s %s: %s ms</title></rect>%n",
                x,
                axisY - barHeight,
                barWidth - 2,
                barHeight,
                COLOURS.get(d % COLOURS.size()),
                escape(distributions.get(d).label()),
                PERCENTILES.get(p),
                format(value)));
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\">%s</text>%n",
                x + barWidth / 2,
                axisY - barHeight - 3,
                format(value)));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              groupX + (groupWidth - 20) / 2,
              axisY + 14,
              PERCENTILES.get(p)));
    }
    for (int d = 0; d < distributions.size(); d++) {
      int x = LEFT + 200 + d * 150;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"24\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"33\">%s</text>%n",
              x,
              COLOURS.get(d % COLOURS.size()),
              x + 14,
              escape(distributions.get(d).label())));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String line(int x1, int y1, int x2, int y2) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
        x1,
        y1,
        x2,
        y2);
  }

  private static String format(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
