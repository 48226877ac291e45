package dev.switchboard.futwork.webhook.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only copies of JSON objects, which may hold null values. */
public final class Maps {

  private Maps() {}

  /**
   * Copies a map, keeping its order and its null values.
   *
   * @param map the map, may be null
   * @return an unmodifiable copy, or null for null
   */
  public static Map<String, Object> copy(Map<String, Object> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
