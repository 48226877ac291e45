package dev.switchboard.core.mapping.internal;

import dev.switchboard.core.mapping.FieldMapping;
import dev.switchboard.core.mapping.MappingDeclarationException;
import dev.switchboard.core.mapping.Transformation;
import dev.switchboard.core.mapping.ValidDeclaration;
import dev.switchboard.core.mapping.Validation;
import dev.switchboard.core.validation.internal.Messages;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidDeclaration} by compiling a one-field mapping that uses the declaration, and
 * reports the compiler's first problem without the entry it names.
 */
public final class DeclarationValidator implements ConstraintValidator<ValidDeclaration, Object> {

  /** Creates the validator. */
  public DeclarationValidator() {}

  @Override
  public boolean isValid(Object value, ConstraintValidatorContext context) {
    FieldMapping.Field field;
    if (value instanceof Validation validation) {
      field = FieldMapping.Field.from("value").validate(validation);
    } else if (value instanceof Transformation transformation) {
      // concat joins several sources: give it two, so that only the declaration itself is judged
      field =
          ("concat".equals(transformation.name())
                  ? FieldMapping.Field.from("first", "second")
                  : FieldMapping.Field.from("value"))
              .transform(transformation);
    } else {
      return true;
    }
    try {
      FieldMapping.builder("declaration").field(field.to("value")).build();
      return true;
    } catch (MappingDeclarationException e) {
      String problem = e.problems().get(0);
      return Messages.accept(context, problem.substring(problem.indexOf(": ") + 2));
    }
  }
}
