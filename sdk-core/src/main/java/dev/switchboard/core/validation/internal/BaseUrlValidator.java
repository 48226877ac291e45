package dev.switchboard.core.validation.internal;

import dev.switchboard.core.http.BaseUrl;
import dev.switchboard.core.validation.ValidBaseUrl;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ValidBaseUrl} with {@link BaseUrl}, reporting its message. */
public final class BaseUrlValidator implements ConstraintValidator<ValidBaseUrl, String> {

  /** Creates the validator. */
  public BaseUrlValidator() {}

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Messages.accept(context, BaseUrl.problem(value));
  }
}
