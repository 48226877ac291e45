package dev.switchboard.core.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A transformation for {@link FieldMapping.Field#transform}, by name with its options, exactly as
 * the object form of the declaration language writes it ({@code {"name": "format_date",
 * "output_pattern": "dd/MM/yyyy"}}).
 *
 * <p>With a validator on the class path, {@code @Valid} checks it as a field mapping would ({@link
 * ValidDeclaration}).
 *
 * @param name the transformation's name, such as {@code lowercase}
 * @param options its options by key, such as {@code separator}
 */
@ValidDeclaration
public record Transformation(String name, Map<String, Object> options) {

  /**
   * Creates a transformation.
   *
   * @param name the name
   * @param options the options
   */
  public Transformation {
    Objects.requireNonNull(name, "name");
    options = Map.copyOf(options);
  }

  /**
   * Returns {@code lowercase} (locale-independent).
   *
   * @return the transformation
   */
  public static Transformation lowercase() {
    return new Transformation("lowercase", Map.of());
  }

  /**
   * Returns {@code uppercase} (locale-independent).
   *
   * @return the transformation
   */
  public static Transformation uppercase() {
    return new Transformation("uppercase", Map.of());
  }

  /**
   * Returns {@code trim}: strips leading and trailing Unicode white space.
   *
   * @return the transformation
   */
  public static Transformation trim() {
    return new Transformation("trim", Map.of());
  }

  /**
   * Returns {@code format_date}.
   *
   * @param inputPattern the {@code DateTimeFormatter} pattern text is read with, or null for ISO
   * @param outputPattern the pattern written, or null for ISO
   * @return the transformation
   */
  public static Transformation formatDate(String inputPattern, String outputPattern) {
    Map<String, Object> options = new LinkedHashMap<>();
    if (inputPattern != null) {
      options.put("input_pattern", inputPattern);
    }
    if (outputPattern != null) {
      options.put("output_pattern", outputPattern);
    }
    return new Transformation("format_date", options);
  }

  /**
   * Returns {@code format_phone} to the national 10-digit form Futwork takes.
   *
   * @return the transformation
   */
  public static Transformation formatPhone() {
    return new Transformation("format_phone", Map.of());
  }

  /**
   * Returns {@code format_phone} to E.164 ({@code +919876543210}).
   *
   * @return the transformation
   */
  public static Transformation formatPhoneE164() {
    return new Transformation("format_phone", Map.of("phone_format", "e164"));
  }

  /**
   * Returns {@code concat}, joining the field's sources.
   *
   * @param separator put between non-blank parts
   * @return the transformation
   */
  public static Transformation concat(String separator) {
    return new Transformation("concat", Map.of("separator", separator));
  }

  /**
   * Returns {@code split}, cutting text into a list.
   *
   * @param separator the literal separator
   * @return the transformation
   */
  public static Transformation split(String separator) {
    return new Transformation("split", Map.of("separator", separator));
  }

  /**
   * Returns {@code lookup} without a default: an unmatched value is an error.
   *
   * @param table from value to replacement
   * @return the transformation
   */
  public static Transformation lookup(Map<String, ?> table) {
    return new Transformation("lookup", Map.of("table", Map.copyOf(table)));
  }

  /**
   * Returns {@code lookup} with a default for unmatched values.
   *
   * @param table from value to replacement
   * @param defaultValue the value of anything unmatched
   * @return the transformation
   */
  public static Transformation lookup(Map<String, ?> table, Object defaultValue) {
    return new Transformation(
        "lookup", Map.of("table", Map.copyOf(table), "default", defaultValue));
  }

  /**
   * Returns a copy with one more option.
   *
   * @param key the option, such as {@code ignore_case}
   * @param value its value
   * @return the transformation
   */
  public Transformation with(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(options);
    more.put(key, value);
    return new Transformation(name, more);
  }

  Map<String, Object> toDeclaration() {
    Map<String, Object> spec = new LinkedHashMap<>(options);
    spec.put("name", name);
    return spec;
  }
}
