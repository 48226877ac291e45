package dev.switchboard.core.mapping.internal;

import dev.switchboard.core.mapping.MappingError;

/**
 * A value a step could not handle; caught per field and turned into a {@link MappingError}. Never
 * leaves the mapping. Carries no stack trace: it is data, not a bug.
 */
final class StepFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final MappingError.Reason reason;

  StepFailure(MappingError.Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  static StepFailure failed(String message) {
    return new StepFailure(MappingError.Reason.TRANSFORMATION_FAILED, message);
  }

  MappingError.Reason reason() {
    return reason;
  }
}
