package dev.switchboard.core.validation.internal;

import jakarta.validation.ConstraintValidatorContext;

/** Reports the SDK's own check messages through a validator, as they are. */
public final class Messages {

  private Messages() {}

  /**
   * Accepts a value when its check found no problem, else reports the problem as the violation's
   * message in place of the constraint's default one.
   *
   * @param context the validator's context
   * @param problem the SDK's message for the value, or {@code null} when the value is fine
   * @return whether the value is valid
   */
  public static boolean accept(ConstraintValidatorContext context, String problem) {
    if (problem == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(literal(problem)).addConstraintViolation();
    return false;
  }

  /**
   * Escapes a message so that a validator shows it as it is: braces, {@code $} and backslashes in a
   * value it quotes are not read as parameters or expressions.
   *
   * @param message the message
   * @return the message template
   */
  static String literal(String message) {
    return message.replaceAll("([\\\\{}$])", "\\\\$1");
  }
}
