package dev.switchboard.core.mapping;

import java.util.Objects;

/**
 * One problem found while applying a {@link FieldMapping} to a record.
 *
 * <p>The message never repeats the value that was read (lead data is personal data): it names the
 * target field, the source path and what was wrong.
 *
 * @param target the target field the problem belongs to
 * @param source the source path or paths (joined with {@code ", "}) the value was read from
 * @param reason the kind of problem
 * @param message what was wrong, short and without the value
 */
public record MappingError(String target, String source, Reason reason, String message) {

  /** The kinds of problem a mapping reports. */
  public enum Reason {
    /** A required field was missing, null or blank. */
    REQUIRED,
    /** The value did not pass the field's validation (email, phone or pattern). */
    INVALID,
    /** A transformation could not handle the value (a malformed date or phone number...). */
    TRANSFORMATION_FAILED,
    /** A {@code lookup} transformation found no entry and had no default. */
    LOOKUP_MISS
  }

  /**
   * Creates an error.
   *
   * @param target the target field
   * @param source the source path or paths
   * @param reason the kind of problem
   * @param message what was wrong
   */
  public MappingError {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /**
   * One line for logs and exception messages: {@code Email (from email): not a valid email
   * address}.
   *
   * @return the description
   */
  public String describe() {
    return target + " (from " + source + "): " + message;
  }

  @Override
  public String toString() {
    return describe();
  }
}
