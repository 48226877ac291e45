package dev.switchboard.core.validation;

import dev.switchboard.core.validation.internal.PositiveDurationValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.Duration} greater than zero, or zero too when {@link #orZero()}. {@code null}
 * is valid (the default applies).
 */
@Documented
@Constraint(validatedBy = PositiveDurationValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveDuration {

  /**
   * Whether zero is accepted.
   *
   * @return true to accept zero
   */
  boolean orZero() default false;

  /**
   * The message; the SDK's checks say the same.
   *
   * @return the message
   */
  String message() default "must be positive";

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
