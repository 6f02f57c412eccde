package io.github.workerbench.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Reads and writes variable documents (JSON objects) for both protocols. Thread-safe (Jackson's
 * mapper is, once configured).
 */
public final class VariablesJson {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper;

  public VariablesJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Parses a JSON object; blank means no variables.
   *
   * @throws CommandRejectedException INVALID_ARGUMENT when it is not a JSON object
   */
  public Map<String, Object> read(String json, String what) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> map = mapper.readValue(json, MAP);
      if (map == null) {
        return Map.of();
      }
      return map;
    } catch (JsonProcessingException e) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected " + what + " to be a JSON object, but: " + e.getOriginalMessage());
    }
  }

  /** Writes a value as JSON. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected to write variables as JSON, but: " + e.getMessage(), e);
    }
  }
}
