package io.github.workerbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes results as CSV: one row per result, one column per field. The columns are the union of
 * the results' field names in order of first appearance (so a stable order for a given file);
 * a result without a field leaves its cell empty. Nested values (warnings, repeat_results) are
 * written as compact JSON. RFC 4180 quoting, {@code \n} line ends, UTF-8. Stateless.
 */
public final class CsvReport {

  private CsvReport() {}

  /** The CSV text of these results. */
  public static String render(ResultsData data) {
    Set<String> columns = new LinkedHashSet<>();
    data.rows().forEach(row -> columns.addAll(row.fields().keySet()));
    StringBuilder csv = new StringBuilder();
    csv.append(line(List.copyOf(columns)));
    for (ReportRow row : data.rows()) {
      csv.append(line(columns.stream().map(c -> row.fields().getOrDefault(c, "")).toList()));
    }
    return csv.toString();
  }

  /**
   * Writes the CSV to {@code file}, replacing it.
   *
   * @throws IOException when the file cannot be written
   */
  public static void write(ResultsData data, Path file) throws IOException {
    Files.writeString(file, render(data), StandardCharsets.UTF_8);
  }

  private static String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(quote(cells.get(i)));
    }
    return line.append('\n').toString();
  }

  private static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
