package dev.switchboard.core.mapping;

import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.mapping.internal.ProblemList;
import java.util.List;

/**
 * Thrown when a mapping declaration is itself wrong (an unknown transformation, a bad regular
 * expression, {@code concat} with one source, a missing target...). It lists every problem at once,
 * each naming the mapping entry (its index and target, or its Spring property path).
 */
public class MappingDeclarationException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /**
   * Creates the exception.
   *
   * @param subject what was compiled, such as {@code field mapping 'leads'}
   * @param problems every problem found; not empty
   */
  public MappingDeclarationException(String subject, List<String> problems) {
    super(message(subject, problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns every problem found, each starting with the entry it belongs to.
   *
   * @return the problems
   */
  public List<String> problems() {
    return problems;
  }

  private static String message(String subject, List<String> problems) {
    return ProblemList.message("Invalid " + subject + " (", "); fix the declaration:", problems);
  }
}
