package io.github.workerbench.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.workerbench.engine.ApiVersion;
import io.github.workerbench.engine.state.CommandRejectedException;
import io.github.workerbench.engine.state.InstanceLabels;
import io.github.workerbench.engine.state.RejectionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of REST v2 request bodies as Camunda 8.9's spec types them, refusing with
 * INVALID_ARGUMENT (400) what the spec's schema or Camunda's REST gateway refuses before a command
 * reaches its engine: keys that are not numbers, values of the wrong JSON type, an empty business
 * id (BusinessId has minLength 1), an operation reference below 1 (RequestValidator). What the
 * engine itself refuses, for both protocols, is left to it. Stateless and thread-safe.
 */
final class RestFields {

  private RestFields() {}

  /** A key: the spec sends keys as strings of digits. */
  static long key(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw invalid("Expected " + name + " to be a number, but was '" + text + "'");
    }
  }

  /** A variables object; absent or null means none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(JsonNode node, ObjectMapper mapper) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid("Expected variables to be a JSON object, but was " + node.getNodeType());
    }
    return mapper.convertValue(node, Map.class);
  }

  /** A list of strings, e.g. fetchVariable; absent means empty. */
  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }

  /**
   * A creation's TagSet and BusinessId, as the engine checks them too. 8.8's request schema has no
   * businessId: its gateway ignores the field, as Spring ignores unknown properties.
   */
  static InstanceLabels labels(JsonNode body, ApiVersion version) {
    String businessId = version.isAtLeast(ApiVersion.V8_9) ? businessId(body.get("businessId")) : null;
    return new InstanceLabels(tags(body.get("tags")), businessId);
  }

  /** Refuses an operation reference below 1, as Camunda's REST gateway does; absent is fine. */
  static void operationReference(JsonNode body) {
    JsonNode reference = body.get("operationReference");
    if (reference != null && !reference.isNull() && (!reference.canConvertToLong() || reference.asLong() < 1)) {
      throw invalid("Expected operationReference to be greater than 0, but was " + reference);
    }
  }

  static CommandRejectedException invalid(String message) {
    return new CommandRejectedException(RejectionType.INVALID_ARGUMENT, message);
  }

  private static List<String> tags(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid("Expected tags to be an array of strings, but was " + node.getNodeType());
    }
    List<String> tags = new ArrayList<>(node.size());
    for (JsonNode tag : node) {
      if (!tag.isTextual()) {
        throw invalid("Expected each tag to be a string, but got " + tag);
      }
      tags.add(tag.asText());
    }
    return tags;
  }

  private static String businessId(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw invalid("Expected businessId to be a string of 1 to 256 characters, but was " + node);
    }
    return node.asText();
  }
}
