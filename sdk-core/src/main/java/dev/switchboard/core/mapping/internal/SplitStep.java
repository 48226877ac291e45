package dev.switchboard.core.mapping.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code split}: cuts text into a list at every occurrence of a literal separator (not a regular
 * expression); each element is trimmed and empty elements are dropped. Blank text gives no value; a
 * value that is already a list stays a list.
 */
final class SplitStep extends Step {

  private final String separator;

  SplitStep(String separator) {
    super("split");
    this.separator = separator;
  }

  @Override
  Object apply(Object value) {
    if (value instanceof List<?>) {
      return value;
    }
    return super.apply(value);
  }

  @Override
  Object applyOne(Object value) {
    String text = Text.of(value, "split");
    if (Text.strip(text).isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (true) {
      int next = text.indexOf(separator, start);
      String part = Text.strip(next < 0 ? text.substring(start) : text.substring(start, next));
      if (!part.isEmpty()) {
        parts.add(part);
      }
      if (next < 0) {
        break;
      }
      start = next + separator.length();
    }
    return Collections.unmodifiableList(parts);
  }
}
