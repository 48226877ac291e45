package dev.switchboard.core.mapping.internal;

import dev.switchboard.core.mapping.MappingError;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled validation: a regular expression the whole value must match (email, phone or a custom
 * pattern). Applied to the value after its transformations, to each element of a list; absent
 * values are not checked (that is {@code required}'s job). Immutable and thread-safe.
 */
final class Check {

  /**
   * The default email pattern: the WHATWG HTML "valid email address" rule (what browsers check in
   * {@code <input type=email>}), with a dot required in the domain. It accepts {@code +tags}, long
   * top-level domains ({@code .museum}, {@code .technology}) and rejects underscores, leading or
   * trailing hyphens in domain labels.
   */
  static final String EMAIL =
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

  /** A phone number as sent: 10 national digits, or E.164 ({@code +} and 8 to 15 digits). */
  static final String PHONE = "[0-9]{10}|\\+[1-9][0-9]{7,14}";

  private final Pattern pattern;
  private final String failure;

  private Check(Pattern pattern, String failure) {
    this.pattern = pattern;
    this.failure = failure;
  }

  static Check email(Pattern pattern) {
    return new Check(pattern, "not a valid email address");
  }

  static Check phone(Pattern pattern) {
    return new Check(pattern, "not a valid phone number (10 digits or +E.164)");
  }

  static Check pattern(Pattern pattern) {
    return new Check(pattern, "does not match the pattern " + pattern.pattern());
  }

  void check(Object value) {
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element != null) {
          check(element);
        }
      }
      return;
    }
    String text;
    try {
      text = Text.of(value, "validation");
    } catch (StepFailure e) {
      throw new StepFailure(MappingError.Reason.INVALID, e.getMessage());
    }
    if (!pattern.matcher(text).matches()) {
      throw new StepFailure(MappingError.Reason.INVALID, failure);
    }
  }
}
