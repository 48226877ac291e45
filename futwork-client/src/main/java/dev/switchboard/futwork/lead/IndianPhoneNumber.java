package dev.switchboard.futwork.lead;

import dev.switchboard.futwork.lead.internal.IndianPhoneNumberValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A phone number the lead client accepts: 10 digits once spaces, dashes, brackets and a leading
 * {@code +91}, {@code 91} or {@code 0} are stripped. {@code null} and blank are left to
 * {@code @NotBlank}; the message is the one the client's own check gives.
 */
@Documented
@Constraint(validatedBy = IndianPhoneNumberValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface IndianPhoneNumber {

  /**
   * The message when no more precise one applies.
   *
   * @return the message
   */
  String message() default "must be a 10-digit Indian number";

  /**
   * The validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
