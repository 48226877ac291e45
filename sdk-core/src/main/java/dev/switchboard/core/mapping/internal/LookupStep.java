package dev.switchboard.core.mapping.internal;

import dev.switchboard.core.mapping.MappingError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lookup}: replaces a value by its entry in a table (keys compared as text, optionally
 * ignoring case); an unmatched value takes the default when one is declared, otherwise it is an
 * error.
 */
final class LookupStep extends Step {

  private final Map<String, Object> table;
  private final boolean ignoreCase;
  private final boolean hasDefault;
  private final Object defaultValue;

  LookupStep(
      Map<String, Object> table, boolean ignoreCase, boolean hasDefault, Object defaultValue) {
    super("lookup");
    Map<String, Object> keyed = new LinkedHashMap<>();
    table.forEach(
        (key, value) -> keyed.put(ignoreCase ? key.toLowerCase(Locale.ROOT) : key, value));
    this.table = Collections.unmodifiableMap(keyed);
    this.ignoreCase = ignoreCase;
    this.hasDefault = hasDefault;
    this.defaultValue = defaultValue;
  }

  @Override
  Object applyOne(Object value) {
    String key = Text.of(value, "lookup");
    Object found = table.get(ignoreCase ? key.toLowerCase(Locale.ROOT) : key);
    if (found != null) {
      return found;
    }
    if (hasDefault) {
      return defaultValue;
    }
    throw new StepFailure(
        MappingError.Reason.LOOKUP_MISS, "the value has no entry in the lookup table");
  }
}
