package dev.switchboard.core.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What applying a {@link FieldMapping} to one record gave: the mapped values by target field, in
 * the order the mapping declares them, and every error found. Absent values (a missing or null
 * source) are left out of {@link #values()}.
 *
 * <p>Bad data never throws while mapping; {@link #valuesOrThrow()} and {@link #recipientData()}
 * throw a {@link MappingException} listing every error for callers that want that.
 */
public final class MappingResult {

  private final String mappingName;
  private final Map<String, Object> values;
  private final List<MappingError> errors;

  /**
   * Creates a result.
   *
   * @param mappingName the mapping's name, used in exception messages
   * @param values the mapped values by target field, in order
   * @param errors the errors found
   */
  public MappingResult(String mappingName, Map<String, Object> values, List<MappingError> errors) {
    this.mappingName = mappingName;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns whether the record mapped without any error.
   *
   * @return true when {@link #errors()} is empty
   */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /**
   * Returns every error found, in the order of the mapping's fields.
   *
   * @return the errors, empty when the record mapped cleanly
   */
  public List<MappingError> errors() {
    return errors;
  }

  /**
   * Returns the values that mapped, even when other fields had errors (a field with an error is
   * left out).
   *
   * @return an unmodifiable, ordered map from target field to value
   */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * Returns one mapped value.
   *
   * @param target the target field
   * @return the value, or empty when absent or in error
   */
  public Optional<Object> value(String target) {
    return Optional.ofNullable(values.get(target));
  }

  /**
   * Returns the values, or throws when there was any error.
   *
   * @return an unmodifiable, ordered map from target field to value
   * @throws MappingException listing every error, when the record did not map cleanly
   */
  public Map<String, Object> valuesOrThrow() {
    throwIfInvalid();
    return values;
  }

  /**
   * Returns the values as the {@code recipientData} of a lead (or any outbound payload), refusing
   * to hand out a partial record.
   *
   * @return an unmodifiable, ordered map from target field to value
   * @throws MappingException listing every error, when the record did not map cleanly
   */
  public Map<String, Object> recipientData() {
    return valuesOrThrow();
  }

  /**
   * Throws when there was any error.
   *
   * @return this result, for chaining
   * @throws MappingException listing every error
   */
  public MappingResult throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new MappingException(mappingName, errors);
    }
    return this;
  }

  @Override
  public String toString() {
    return "MappingResult[mapping="
        + mappingName
        + ", targets="
        + values.keySet()
        + ", errors="
        + errors
        + "]";
  }
}
