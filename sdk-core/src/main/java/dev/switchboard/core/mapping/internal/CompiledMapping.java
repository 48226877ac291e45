package dev.switchboard.core.mapping.internal;

import dev.switchboard.core.mapping.FieldMapping;
import dev.switchboard.core.mapping.MappingError;
import dev.switchboard.core.mapping.MappingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@link FieldMapping}: an immutable list of compiled fields, safe to share between
 * threads; every {@link #apply(Object)} works on its own result.
 */
public final class CompiledMapping implements FieldMapping {

  private final String name;
  private final List<CompiledField> fields;
  private final List<String> targets;

  CompiledMapping(String name, List<CompiledField> fields) {
    this.name = name;
    this.fields = List.copyOf(fields);
    this.targets = fields.stream().map(CompiledField::target).toList();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> targets() {
    return targets;
  }

  @Override
  public MappingResult apply(Object source) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<MappingError> errors = new ArrayList<>();
    for (CompiledField field : fields) {
      field.apply(source, values, errors);
    }
    return new MappingResult(name, values, errors);
  }

  @Override
  public String toString() {
    return "FieldMapping[" + name + " -> " + targets + "]";
  }
}
