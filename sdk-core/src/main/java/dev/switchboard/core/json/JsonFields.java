package dev.switchboard.core.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tolerant reads of fields from a JSON tree, for parsers of payloads the platforms send oddly: a
 * value of the wrong kind becomes {@code null} rather than failing the delivery (the raw JSON still
 * holds it), numbers sent where text is documented keep their text, booleans and integers sent as
 * text are read.
 */
public final class JsonFields {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JsonFields() {}

  /**
   * A scalar's text.
   *
   * @param parent the object
   * @param field the field
   * @return the text ({@code 2.5} gives {@code "2.5"}); null for missing, null, objects and arrays
   */
  public static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  /**
   * A boolean, also from {@code "true"}/{@code "false"} or a number (non-zero is true).
   *
   * @param parent the object
   * @param field the field
   * @return the value; null when missing or not readable as a boolean
   */
  public static Boolean bool(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.asDouble() != 0;
    }
    if (node.isTextual()) {
      String s = node.textValue().trim().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    return null;
  }

  /**
   * A whole number, also from its text ({@code "2"}).
   *
   * @param parent the object
   * @param field the field
   * @return the value; null when missing, fractional, too large or not a number
   */
  public static Integer integer(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isTextual()) {
      try {
        return Integer.valueOf(node.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * An object as a read-only map, in its order, keeping null values.
   *
   * @param parent the object
   * @param field the field
   * @return the map; null for anything but an object
   */
  public static Map<String, Object> map(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      return null;
    }
    return copy(Json.mapper().convertValue(node, MAP));
  }

  /**
   * Copies a map, keeping its order and its null values.
   *
   * @param map the map, may be null
   * @param <V> the values' type
   * @return an unmodifiable copy, or null for null
   */
  public static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Reads an optional text: {@code null}, empty and blank are absent.
   *
   * @param raw the raw value
   * @return the value, or empty
   */
  public static Optional<String> present(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw);
  }
}
