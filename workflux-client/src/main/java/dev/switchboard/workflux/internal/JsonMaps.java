package dev.switchboard.workflux.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the client's loosely typed JSON objects, held as maps, into the public records, tolerating
 * odd values. Reads of JSON trees and map copies are sdk-core's {@link
 * dev.switchboard.core.json.internal.JsonFields}; this class only adds what maps need.
 */
public final class JsonMaps {

  private JsonMaps() {}

  /**
   * A field as text: strings as they are, numbers and booleans in their JSON form.
   *
   * @param json the object
   * @param names the field names to try, in order
   * @return the first non-null value as text, or {@code null}
   */
  public static String text(Map<String, ?> json, String... names) {
    if (json == null) {
      return null;
    }
    for (String name : names) {
      Object value = json.get(name);
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
    }
    return null;
  }

  /**
   * A field as a list of strings; a single string becomes a one-element list.
   *
   * @param json the object
   * @param name the field
   * @return the values, empty when absent
   */
  public static List<String> texts(Map<String, ?> json, String name) {
    Object value = json == null ? null : json.get(name);
    if (value instanceof List<?> list) {
      return list.stream().filter(v -> v != null).map(Object::toString).toList();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    return List.of();
  }

  /**
   * An object field.
   *
   * @param json the object
   * @param name the field
   * @return the nested object, or {@code null} when absent or not an object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, ?> json, String name) {
    Object value = json == null ? null : json.get(name);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /**
   * Every field but the named ones, in their order, unmodifiable.
   *
   * @param json the object
   * @param typed the fields the record holds typed
   * @return the other fields
   */
  public static Map<String, Object> others(Map<String, ?> json, Set<String> typed) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(
          (k, v) -> {
            if (!typed.contains(k)) {
              out.put(k, v);
            }
          });
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads an ISO-8601 timestamp (with an offset or {@code Z}); anything else gives empty.
   *
   * @param raw the text
   * @return the instant, if the text is one
   */
  public static Optional<Instant> instant(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(raw.trim()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(raw.trim())));
      } catch (NumberFormatException notSeconds) {
        return Optional.empty();
      }
    }
  }

  /**
   * Puts a value when it is not null.
   *
   * @param map the map
   * @param key the key
   * @param value the value
   */
  public static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
