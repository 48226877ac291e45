package dev.switchboard.workflux.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a client record holds typed as text, by their JSON names in the record's order; every
 * other field of the object is kept as it came.
 *
 * @param names the JSON names, in the order of the record's components
 */
public record TextFields(List<String> names) {

  /**
   * Names the typed fields.
   *
   * @param names the JSON names, in the order of the record's components
   * @return the fields
   */
  public static TextFields of(String... names) {
    return new TextFields(List.of(names));
  }

  /**
   * Reads the typed fields as text (see {@link JsonMaps#text}).
   *
   * @param json the object
   * @return each field's text or {@code null}, in the order named
   */
  public String[] read(Map<String, ?> json) {
    return names.stream().map(name -> JsonMaps.text(json, name)).toArray(String[]::new);
  }

  /**
   * Every field but the typed ones and the {@code dropped} ones.
   *
   * @param json the object
   * @param dropped fields never kept, such as an echoed secret
   * @return the other fields, in their order, unmodifiable
   */
  public Map<String, Object> others(Map<String, ?> json, String... dropped) {
    Set<String> skipped = new HashSet<>(names);
    skipped.addAll(List.of(dropped));
    return JsonMaps.others(json, skipped);
  }

  /**
   * The JSON object: the typed fields that are present, in order, then the others.
   *
   * @param other the other fields
   * @param values the typed fields' values, in the order named
   * @return the object
   */
  public Map<String, Object> write(Map<String, Object> other, Object... values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      JsonMaps.putIfPresent(out, names.get(i), values[i]);
    }
    out.putAll(other);
    return out;
  }
}
