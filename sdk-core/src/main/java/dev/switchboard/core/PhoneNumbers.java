package dev.switchboard.core;

import java.util.Optional;

/**
 * Indian phone numbers in the two forms the platforms use: the 10-digit national form that Futwork
 * takes on submission ({@code 9999789877}) and E.164 ({@code +919999789877}) that its post-call
 * payloads report.
 */
public final class PhoneNumbers {

  /** What a number may be written with: whitespace, dashes and brackets. */
  private static final String SEPARATORS = " \t\n\u000B\f\r-()[]";

  private PhoneNumbers() {}

  /**
   * Normalises a number to the 10-digit national form: spaces, dashes and brackets are removed,
   * then a leading {@code +91}, {@code 91} (on 12 digits) or {@code 0} (on 11 digits) is stripped.
   *
   * @param raw the number as given, may be null
   * @return the 10 digits, or empty when the number does not normalise to exactly 10 digits
   */
  public static Optional<String> toTenDigits(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = withoutSeparators(raw.strip());
    if (s.startsWith("+91")) {
      s = s.substring(3);
    } else if (s.startsWith("+")) {
      return Optional.empty();
    } else if (s.length() == 12 && s.startsWith("91")) {
      s = s.substring(2);
    } else if (s.length() == 11 && s.startsWith("0")) {
      s = s.substring(1);
    }
    return s.length() == 10 && allDigits(s) ? Optional.of(s) : Optional.empty();
  }

  /** The number without spaces, tabs, line breaks, dashes and brackets. */
  private static String withoutSeparators(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean separator = SEPARATORS.indexOf(c) >= 0;
      if (separator && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!separator && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Normalises a number to E.164 with India's country code.
   *
   * @param raw the number as given, may be null
   * @return {@code +91} and the 10 digits, or empty when the number does not normalise
   */
  public static Optional<String> toE164(String raw) {
    return toTenDigits(raw).map(digits -> "+91" + digits);
  }
}
