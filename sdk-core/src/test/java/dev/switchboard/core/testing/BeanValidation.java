package dev.switchboard.core.testing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Validates beans with the test class path's Bean Validation provider (Hibernate Validator). */
public final class BeanValidation {

  private static final Validator VALIDATOR =
      jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

  private BeanValidation() {}

  /** The validator. */
  public static Validator validator() {
    return VALIDATOR;
  }

  /** Every violation's message. */
  public static List<String> messages(Object bean) {
    return VALIDATOR.validate(bean).stream().map(ConstraintViolation::getMessage).toList();
  }

  /** Every violation's message by its property path. */
  public static Map<String, String> byPath(Object bean) {
    Map<String, String> out = new TreeMap<>();
    for (ConstraintViolation<Object> v : VALIDATOR.validate(bean)) {
      out.put(v.getPropertyPath().toString(), v.getMessage());
    }
    return out;
  }
}
