package dev.switchboard.core.validation;

import dev.switchboard.core.validation.internal.BaseUrlValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A platform's base URL, as {@link dev.switchboard.core.http.BaseUrl#require} accepts it: an
 * absolute https URL (plain http only for localhost, 127.0.0.1 and ::1) without user info, query or
 * fragment. {@code null} is valid (the default applies); the message is the SDK's own.
 */
@Documented
@Constraint(validatedBy = BaseUrlValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidBaseUrl {

  /**
   * The message when no more precise one applies.
   *
   * @return the message
   */
  String message() default "must be an absolute https URL such as https://api.example.com";

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
