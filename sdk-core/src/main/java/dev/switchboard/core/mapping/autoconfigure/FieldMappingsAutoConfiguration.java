package dev.switchboard.core.mapping.autoconfigure;

import dev.switchboard.core.mapping.FieldMapping;
import dev.switchboard.core.mapping.FieldMappings;
import dev.switchboard.core.mapping.MappingDeclarationException;
import dev.switchboard.core.mapping.internal.MappingCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Compiles every mapping declared under {@code switchboard.mappings.<name>} (list form or
 * single-field form) at startup and exposes them as a {@link FieldMappings} bean. A wrong
 * declaration fails the startup with every problem, each naming its property path. Backs off when
 * the application defines its own {@link FieldMappings}.
 */
@AutoConfiguration
public class FieldMappingsAutoConfiguration {

  /** The property prefix under which named mappings are declared. */
  public static final String PREFIX = "switchboard.mappings";

  /**
   * The compiled mappings.
   *
   * @param environment where the declarations are read from
   * @return the registry (empty when nothing is declared)
   * @throws MappingDeclarationException listing every problem of every declaration
   */
  @Bean
  @ConditionalOnMissingBean
  public FieldMappings fieldMappings(Environment environment) {
    Map<String, Object> declared =
        Binder.get(environment)
            .bind(PREFIX, Bindable.mapOf(String.class, Object.class))
            .orElse(Map.of());
    Map<String, FieldMapping> compiled = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Object> declaration : declared.entrySet()) {
      String name = declaration.getKey();
      try {
        compiled.put(
            name, MappingCompiler.compile(name, PREFIX + "." + name, declaration.getValue()));
      } catch (MappingDeclarationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new MappingDeclarationException("field mappings under " + PREFIX, problems);
    }
    return FieldMappings.of(compiled);
  }
}
