package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.workerbench.engine.ApiVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Camunda REST spec's response schemas, as our digest of it lists them ({@code
 * spec/rest-api-<version>.digest}, which names the spec it was written from), and the check a
 * strict client generated from that spec applies to an answer: every required field present, no
 * field the schema lacks, null only where nullable, each value of its type. Violations are
 * phrased with the answer's path, array indices folded ({@code jobs[].userTask}), each once.
 */
final class SpecDigest {

  /** One field of one schema. */
  record Field(boolean required, boolean nullable, String type) {}

  private final String name;
  private final Map<String, Map<String, Field>> schemas;

  private SpecDigest(String name, Map<String, Map<String, Field>> schemas) {
    this.name = name;
    this.schemas = schemas;
  }

  /** The digest of {@code version}'s spec, from the test resources. */
  static SpecDigest of(ApiVersion version) {
    String resource = "spec/rest-api-" + version.id() + ".digest";
    Map<String, Map<String, Field>> schemas = new LinkedHashMap<>();
    try (InputStream in = SpecDigest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no digest " + resource + " next to " + SpecDigest.class.getName());
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] words = line.trim().split(" ");
        int dot = words[0].indexOf('.');
        boolean nullable = words.length == 4 && words[2].equals("nullable");
        Field field = new Field(words[1].equals("required"), nullable, words[words.length - 1]);
        schemas.computeIfAbsent(words[0].substring(0, dot), k -> new LinkedHashMap<>()).put(words[0].substring(dot + 1), field);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SpecDigest("Camunda " + version.id(), schemas);
  }

  /** The fields of {@code schema}, in the digest's order. */
  Map<String, Field> schema(String schema) {
    Map<String, Field> fields = schemas.get(schema);
    if (fields == null) {
      throw new IllegalArgumentException(name + " digest has no schema " + schema);
    }
    return fields;
  }

  /** What a strict client of this spec would reject in {@code node} read as {@code schema}. */
  Set<String> violations(JsonNode node, String schema) {
    Set<String> found = new LinkedHashSet<>();
    object(node, schema, "", found);
    return found;
  }

  private void object(JsonNode node, String schema, String path, Set<String> found) {
    Map<String, Field> fields = schema(schema);
    if (!node.isObject()) {
      found.add(at(path) + ": expected a " + schema + " object, but was " + node.getNodeType());
      return;
    }
    for (Map.Entry<String, Field> field : fields.entrySet()) {
      if (field.getValue().required() && !node.has(field.getKey())) {
        found.add(at(path) + ": missing required " + schema + "." + field.getKey());
      }
    }
    node.fieldNames()
        .forEachRemaining(
            key -> {
              Field field = fields.get(key);
              String fieldPath = path.isEmpty() ? key : path + "." + key;
              if (field == null) {
                found.add(fieldPath + ": not in " + schema);
              } else if (node.get(key).isNull()) {
                if (!field.nullable()) {
                  found.add(fieldPath + ": null, but " + schema + "." + key + " is not nullable");
                }
              } else {
                value(node.get(key), field.type(), fieldPath, found);
              }
            });
  }

  private void value(JsonNode value, String type, String path, Set<String> found) {
    if (type.startsWith("array<")) {
      if (!value.isArray()) {
        found.add(path + ": expected an array, but was " + value.getNodeType());
        return;
      }
      String items = type.substring(6, type.length() - 1);
      for (JsonNode item : value) {
        if (item.isNull()) {
          found.add(path + "[]: null item");
        } else {
          value(item, items, path + "[]", found);
        }
      }
      return;
    }
    if (type.startsWith("enum(")) {
      List<String> allowed = List.of(type.substring(5, type.length() - 1).split("\\|"));
      if (!value.isTextual() || !allowed.contains(value.asText())) {
        found.add(path + ": expected one of " + allowed + ", but was " + value);
      }
      return;
    }
    boolean ok =
        switch (type) {
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "boolean" -> value.isBoolean();
          case "object" -> value.isObject();
          case "key" -> value.isTextual() && value.asText().matches("^-?[0-9]+$");
          case "date-time" -> value.isTextual() && isDateTime(value.asText());
          default -> {
            object(value, type, path, found);
            yield true;
          }
        };
    if (!ok) {
      found.add(path + ": expected " + type + ", but was " + value);
    }
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String at(String path) {
    return path.isEmpty() ? "(answer)" : path;
  }

  @Override
  public String toString() {
    return name + " digest";
  }
}
