package dev.switchboard.core.mapping;

import dev.switchboard.core.mapping.internal.DeclarationValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Validation} or {@link Transformation} that a field mapping accepts: a known type or
 * name, the options it needs, a pattern that compiles. Each violation is a problem exactly as
 * {@link MappingDeclarationException} lists it, without the entry it would belong to.
 */
@Documented
@Constraint(validatedBy = DeclarationValidator.class)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidDeclaration {

  /**
   * The message when no more precise one applies.
   *
   * @return the message
   */
  String message() default "is not a valid mapping declaration";

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
