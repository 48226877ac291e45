package dev.switchboard.core.mapping.internal;

import dev.switchboard.core.mapping.MappingError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One compiled field: where it reads, how it transforms, what it checks. Immutable. */
final class CompiledField {

  private final String target;
  private final List<SourcePath> sources;
  private final String sourceText;
  private final List<Step> steps;
  private final boolean required;
  private final List<Check> checks;

  CompiledField(
      String target,
      List<SourcePath> sources,
      List<Step> steps,
      boolean required,
      List<Check> checks) {
    this.target = target;
    this.sources = List.copyOf(sources);
    this.sourceText = sources.stream().map(SourcePath::toString).collect(Collectors.joining(", "));
    this.steps = List.copyOf(steps);
    this.required = required;
    this.checks = List.copyOf(checks);
  }

  String target() {
    return target;
  }

  /** Maps this field of one record into {@code values}, or adds its error to {@code errors}. */
  void apply(Object record, Map<String, Object> values, List<MappingError> errors) {
    Object value;
    try {
      if (sources.size() == 1) {
        value = sources.get(0).read(record);
      } else {
        List<Object> parts = new ArrayList<>(sources.size());
        for (SourcePath source : sources) {
          parts.add(source.read(record));
        }
        value = parts;
      }
      for (Step step : steps) {
        value = step.apply(value);
      }
    } catch (StepFailure failure) {
      errors.add(new MappingError(target, sourceText, failure.reason(), failure.getMessage()));
      return;
    }
    if (Text.isMissing(value)) {
      if (required) {
        errors.add(
            new MappingError(
                target, sourceText, MappingError.Reason.REQUIRED, "required but missing or blank"));
      } else if (value != null) {
        values.put(target, value);
      }
      return;
    }
    try {
      for (Check check : checks) {
        check.check(value);
      }
    } catch (StepFailure failure) {
      errors.add(new MappingError(target, sourceText, failure.reason(), failure.getMessage()));
      return;
    }
    values.put(target, value);
  }
}
