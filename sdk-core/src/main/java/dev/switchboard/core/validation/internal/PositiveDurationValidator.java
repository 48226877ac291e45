package dev.switchboard.core.validation.internal;

import dev.switchboard.core.validation.PositiveDuration;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;

/** Checks {@link PositiveDuration}. */
public final class PositiveDurationValidator
    implements ConstraintValidator<PositiveDuration, Duration> {

  private boolean orZero;

  /** Creates the validator. */
  public PositiveDurationValidator() {}

  @Override
  public void initialize(PositiveDuration constraint) {
    this.orZero = constraint.orZero();
  }

  @Override
  public boolean isValid(Duration value, ConstraintValidatorContext context) {
    return value == null || !value.isNegative() && (orZero || !value.isZero());
  }
}
