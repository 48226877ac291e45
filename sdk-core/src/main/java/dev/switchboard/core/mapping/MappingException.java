package dev.switchboard.core.mapping;

import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.mapping.internal.ProblemList;
import java.util.List;

/**
 * Thrown, on request, when a record did not map cleanly: it lists every {@link MappingError}.
 *
 * <p>Applying a mapping never throws it by itself; {@link MappingResult#valuesOrThrow()} and {@link
 * MappingResult#recipientData()} do, for callers that must not go on with bad data.
 */
public class MappingException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final transient List<MappingError> errors;

  /**
   * Creates the exception.
   *
   * @param mappingName the mapping's name, for the message
   * @param errors every error found; not empty
   */
  public MappingException(String mappingName, List<MappingError> errors) {
    super(message(mappingName, errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns every error found.
   *
   * @return the errors, in the order of the mapping's fields
   */
  public List<MappingError> errors() {
    return errors;
  }

  private static String message(String mappingName, List<MappingError> errors) {
    return ProblemList.message(
        "Field mapping '" + mappingName + "' found ",
        " in the record; fix the data or the mapping:",
        errors.stream().map(MappingError::describe).toList());
  }
}
