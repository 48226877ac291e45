package dev.switchboard.core.mapping.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Turning source values into text, and Unicode-aware blank checks. */
final class Text {

  private Text() {}

  /** Whether a value is absent: null, a blank string, or an empty collection. */
  static boolean isMissing(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof CharSequence text) {
      return strip(text.toString()).isEmpty();
    }
    if (value instanceof Collection<?> collection) {
      return collection.isEmpty();
    }
    return value instanceof Map<?, ?> map && map.isEmpty();
  }

  /** Whether a value is a single value that reads as text (not a list, a map or an object tree). */
  static boolean isScalar(Object value) {
    return value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum<?>
        || value instanceof java.time.temporal.TemporalAccessor;
  }

  /**
   * The text of a scalar value; numbers in plain notation (no exponent), so that a phone number
   * read as a number stays digits.
   */
  static String of(Object value, String what) {
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw StepFailure.failed(what + " needs a finite number");
      }
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
    if (isScalar(value)) {
      return String.valueOf(value);
    }
    throw StepFailure.failed(what + " needs text, got " + kind(value));
  }

  /** A short, value-free description of what a value is, for messages. */
  static String kind(Object value) {
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      return "a list";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a value of type " + value.getClass().getSimpleName();
  }

  /** Whether a code point is white space in any Unicode sense (including no-break spaces). */
  static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == '\u200B'
        || codePoint == '\uFEFF';
  }

  /** Removes leading and trailing Unicode white space, no-break and zero-width spaces included. */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }
}
