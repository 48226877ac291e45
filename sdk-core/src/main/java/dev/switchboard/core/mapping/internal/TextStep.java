package dev.switchboard.core.mapping.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** {@code lowercase}, {@code uppercase} and {@code trim}: locale-independent text operations. */
final class TextStep extends Step {

  private final UnaryOperator<String> operation;

  private TextStep(String name, UnaryOperator<String> operation) {
    super(name);
    this.operation = operation;
  }

  static TextStep lowercase() {
    return new TextStep("lowercase", text -> text.toLowerCase(Locale.ROOT));
  }

  static TextStep uppercase() {
    return new TextStep("uppercase", text -> text.toUpperCase(Locale.ROOT));
  }

  static TextStep trim() {
    return new TextStep("trim", Text::strip);
  }

  @Override
  Object applyOne(Object value) {
    return operation.apply(Text.of(value, name()));
  }
}
