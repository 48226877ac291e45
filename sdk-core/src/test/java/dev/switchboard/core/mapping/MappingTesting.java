package dev.switchboard.core.mapping;

import java.util.HashMap;
import java.util.Map;

/** Shortcuts for the mapping tests: one field named {@code out}, read from {@code in}. */
final class MappingTesting {

  private MappingTesting() {}

  /** Compiles one field, {@code in -> out}, with the given JSON {@code transformation} value. */
  static FieldMapping field(String transformationJson) {
    return FieldMapping.fromJson(
        "{\"source\": \"in\", \"target\": \"out\", \"transformation\": "
            + transformationJson
            + "}");
  }

  /** Applies a mapping to a record {@code {"in": value}} (value may be null). */
  static MappingResult apply(FieldMapping mapping, Object value) {
    Map<String, Object> record = new HashMap<>();
    record.put("in", value);
    return mapping.apply(record);
  }

  /** Compiles one field and applies it to {@code {"in": value}}. */
  static MappingResult run(String transformationJson, Object value) {
    return apply(field(transformationJson), value);
  }
}
