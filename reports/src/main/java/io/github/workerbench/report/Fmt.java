package io.github.workerbench.report;

import java.util.Locale;
import java.util.OptionalDouble;

/** Number formats shared by the text reports, all {@link Locale#ROOT}. */
final class Fmt {

  private Fmt() {}

  /** A throughput, two decimals. */
  static String rate(double jobsPerSecond) {
    return String.format(Locale.ROOT, "%.2f", jobsPerSecond);
  }

  /** A ratio as a percentage with one decimal, or {@code n/a}. */
  static String pct(OptionalDouble ratio) {
    return ratio.isPresent() ? pct(ratio.getAsDouble()) : "n/a";
  }

  static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  /** A plain number: integers without decimals, others with up to two. */
  static String num(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  /** A signed percentage change with one decimal, e.g. {@code -12.5%}. */
  static String change(double percent) {
    return String.format(Locale.ROOT, "%+.1f%%", percent);
  }

  static String left(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  static String right(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
