package dev.switchboard.core.mapping;

/**
 * A validation for {@link FieldMapping.Field#validate}, as the object form of the declaration
 * language writes it ({@code {"type": "email", "pattern": "..."}}).
 *
 * <p>With a validator on the class path, {@code @Valid} checks it as a field mapping would ({@link
 * ValidDeclaration}).
 *
 * @param type {@code email}, {@code phone}, {@code pattern} or {@code required}
 * @param pattern a regular expression the whole value must match, or null for the type's default
 */
@ValidDeclaration
public record Validation(String type, String pattern) {

  /**
   * The classic email pattern {@code ^[\w-\.]+@([\w-]+\.)+[\w-]{2,4}$} that integration documents
   * often print. It rejects {@code +tags} and top-level domains longer than four letters; use it
   * only to reproduce a platform that checks with it.
   */
  public static final String CLASSIC_EMAIL_PATTERN = "^[\\w-\\.]+@([\\w-]+\\.)+[\\w-]{2,4}$";

  /**
   * Returns {@code email} with the SDK's default pattern (the HTML standard's rule).
   *
   * @return the validation
   */
  public static Validation email() {
    return new Validation("email", null);
  }

  /**
   * Returns {@code email} with the {@link #CLASSIC_EMAIL_PATTERN classic pattern}, for matching a
   * platform that validates with it.
   *
   * @return the validation
   */
  public static Validation classicEmail() {
    return new Validation("email", CLASSIC_EMAIL_PATTERN);
  }

  /**
   * Returns {@code phone}: 10 digits or E.164.
   *
   * @return the validation
   */
  public static Validation phone() {
    return new Validation("phone", null);
  }

  /**
   * Returns a custom pattern the whole value must match.
   *
   * @param regex the regular expression
   * @return the validation
   */
  public static Validation pattern(String regex) {
    return new Validation("pattern", regex);
  }

  Object toDeclaration() {
    if (pattern == null) {
      return type;
    }
    return type == null
        ? java.util.Map.of("pattern", pattern)
        : java.util.Map.of("type", type, "pattern", pattern);
  }
}
