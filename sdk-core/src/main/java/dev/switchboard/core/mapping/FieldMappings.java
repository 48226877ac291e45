package dev.switchboard.core.mapping;

import dev.switchboard.core.SwitchboardException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named, compiled field mappings. In a Spring Boot application it is a bean holding every mapping
 * declared under {@code switchboard.mappings.<name>}; without Boot, build it with {@link #of(Map)}.
 * Immutable and thread-safe.
 */
public final class FieldMappings {

  private final Map<String, FieldMapping> mappings;

  private FieldMappings(Map<String, FieldMapping> mappings) {
    this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
  }

  /**
   * Creates a registry.
   *
   * @param mappings the compiled mappings by name
   * @return the registry
   */
  public static FieldMappings of(Map<String, FieldMapping> mappings) {
    return new FieldMappings(mappings);
  }

  /**
   * Returns a mapping by name.
   *
   * @param name the name, as under {@code switchboard.mappings.<name>}
   * @return the mapping
   * @throws SwitchboardException when no mapping has that name (the message lists those that do)
   */
  public FieldMapping get(String name) {
    FieldMapping mapping = mappings.get(name);
    if (mapping == null) {
      throw new SwitchboardException(
          "No field mapping named '"
              + name
              + "'; declare it under switchboard.mappings."
              + name
              + " (declared: "
              + (mappings.isEmpty() ? "none" : String.join(", ", mappings.keySet()))
              + ")");
    }
    return mapping;
  }

  /**
   * Returns a mapping by name, if declared.
   *
   * @param name the name
   * @return the mapping, or empty
   */
  public Optional<FieldMapping> find(String name) {
    return Optional.ofNullable(mappings.get(name));
  }

  /**
   * Returns the names of every mapping.
   *
   * @return the names, in declaration order
   */
  public Set<String> names() {
    return mappings.keySet();
  }

  @Override
  public String toString() {
    return "FieldMappings" + mappings.keySet();
  }
}
