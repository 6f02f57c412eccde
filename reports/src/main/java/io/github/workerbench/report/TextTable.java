package io.github.workerbench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table: columns sized to their widest cell, two spaces apart, numbers
 * right-aligned. Not thread-safe.
 */
final class TextTable {

  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** Headers; a header starting with {@code >} marks a right-aligned column (the mark is cut). */
  TextTable(String... headers) {
    this.headers = new ArrayList<>();
    this.rightAligned = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      rightAligned[i] = headers[i].startsWith(">");
      this.headers.add(rightAligned[i] ? headers[i].substring(1) : headers[i]);
    }
  }

  TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintStream out, String indent) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(indent + line(headers, widths));
    int total = 0;
    for (int width : widths) {
      total += width;
    }
    out.println(indent + "-".repeat(total + 2 * (widths.length - 1)));
    for (List<String> row : rows) {
      out.println(indent + line(row, widths));
    }
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(rightAligned[i] ? Fmt.right(cells.get(i), widths[i]) : Fmt.left(cells.get(i), widths[i]));
    }
    return line.toString().stripTrailing();
  }
}
