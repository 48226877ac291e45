package dev.switchboard.futwork.lead.internal;

import dev.switchboard.core.validation.internal.Messages;
import dev.switchboard.futwork.lead.IndianPhoneNumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link IndianPhoneNumber}, reporting the client's own message. */
public final class IndianPhoneNumberValidator
    implements ConstraintValidator<IndianPhoneNumber, String> {

  /** Creates the validator. */
  public IndianPhoneNumberValidator() {}

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    // null and blank are @NotBlank's concern
    return value == null
        || value.isBlank()
        || Messages.accept(context, LeadChecks.phoneProblem(value));
  }
}
