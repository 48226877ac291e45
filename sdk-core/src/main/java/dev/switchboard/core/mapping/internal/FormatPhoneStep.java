package dev.switchboard.core.mapping.internal;

/**
 * {@code format_phone}: normalises a phone number to the national 10-digit form Futwork takes
 * ({@code 9876543210}) or to E.164 ({@code +919876543210}).
 *
 * <p>Spaces (any Unicode space), dashes, dots and brackets are dropped; any Unicode decimal digit
 * counts as its ASCII digit; a leading {@code +<country code>}, {@code 00<country code>}, {@code
 * <country code>} (when 10 digits follow) or trunk {@code 0} is removed. What is left must be 10
 * digits. In E.164 form, a number already written {@code +<other country code>...} with 8 to 15
 * digits is kept as it is.
 */
final class FormatPhoneStep extends Step {

  /** The two output forms. */
  enum Form {
    NATIONAL,
    E164
  }

  private static final int NATIONAL_DIGITS = 10;

  private final Form form;
  private final String countryCode;

  FormatPhoneStep(Form form, String countryCode) {
    super("format_phone");
    this.form = form;
    this.countryCode = countryCode;
  }

  @Override
  Object applyOne(Object value) {
    String text = Text.of(value, "format_phone");
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '+' && digits.length() == 0 && !plus) {
        plus = true;
      } else if (Character.isDigit(c)) {
        digits.append((char) ('0' + Character.digit(c, 10)));
      } else if (!(Text.isSpace(c) || c == '-' || c == '.' || c == '(' || c == ')')) {
        throw StepFailure.failed("format_phone found a character that is not part of a number");
      }
    }
    if (digits.length() == 0) {
      if (plus) {
        throw StepFailure.failed("format_phone found no digits");
      }
      return null;
    }
    String number = digits.toString();
    String national = national(number, plus);
    if (national == null) {
      if (plus && form == Form.E164 && number.length() >= 8 && number.length() <= 15) {
        return "+" + number;
      }
      throw StepFailure.failed(
          "format_phone needs a " + NATIONAL_DIGITS + "-digit number (+" + countryCode + ")");
    }
    return form == Form.NATIONAL ? national : "+" + countryCode + national;
  }

  private String national(String number, boolean plus) {
    int length = number.length();
    if (plus) {
      return number.startsWith(countryCode) && length == countryCode.length() + NATIONAL_DIGITS
          ? number.substring(countryCode.length())
          : null;
    }
    if (length == NATIONAL_DIGITS) {
      return number;
    }
    if (length == countryCode.length() + NATIONAL_DIGITS && number.startsWith(countryCode)) {
      return number.substring(countryCode.length());
    }
    if (length == 2 + countryCode.length() + NATIONAL_DIGITS
        && number.startsWith("00" + countryCode)) {
      return number.substring(2 + countryCode.length());
    }
    if (length == NATIONAL_DIGITS + 1 && number.charAt(0) == '0') {
      return number.substring(1);
    }
    return null;
  }
}
