package dev.switchboard.core.mapping.internal;

import java.util.Collection;
import java.util.List;

/**
 * {@code concat}: joins the values of several sources with a separator. Missing, null and blank
 * parts are skipped, so no separator is ever doubled; each part is trimmed. All parts missing gives
 * no value.
 */
final class ConcatStep extends Step {

  private final String separator;

  ConcatStep(String separator) {
    super("concat");
    this.separator = separator;
  }

  @Override
  Object apply(Object value) {
    // Receives the list of source values, one per source.
    return applyOne(value);
  }

  @Override
  Object applyOne(Object value) {
    StringBuilder joined = new StringBuilder();
    for (Object part : (List<?>) value) {
      if (part == null) {
        continue;
      }
      if (part instanceof Collection<?> || part instanceof java.util.Map<?, ?>) {
        throw StepFailure.failed("concat needs text in every source, got " + Text.kind(part));
      }
      String text = Text.strip(Text.of(part, "concat"));
      if (text.isEmpty()) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append(separator);
      }
      joined.append(text);
    }
    return joined.length() == 0 ? null : joined.toString();
  }
}
