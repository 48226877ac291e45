package dev.switchboard.core.mapping.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One compiled transformation. Immutable and thread-safe. A null value passes through untouched; a
 * list (from {@code split}, or a JSON array) is transformed element by element.
 */
abstract class Step {

  private final String name;

  Step(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  Object apply(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(element == null ? null : applyOne(element));
      }
      return Collections.unmodifiableList(out);
    }
    return applyOne(value);
  }

  /** Transforms one non-null, non-list value; throws {@link StepFailure} when it cannot. */
  abstract Object applyOne(Object value);
}
