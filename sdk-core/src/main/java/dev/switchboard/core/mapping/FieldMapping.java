package dev.switchboard.core.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.mapping.internal.MappingCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled field mapping: turns a source record (a map, a record or POJO, or a Jackson tree) into
 * an ordered map of target fields, with every problem reported in the {@link MappingResult}.
 *
 * <p>Compiled once from its declaration, in the WorkFlux mapping language (see {@code
 * docs/field-mapping.md}), then applied many times; a compiled mapping is immutable and safe to
 * share between threads. A declaration that is itself wrong fails to compile with a {@link
 * MappingDeclarationException} listing every problem.
 *
 * <pre>{@code
 * FieldMapping mapping = FieldMapping.fromJson("""
 *     {"mappings": [
 *       {"source": "email", "target": "Email", "transformation": "lowercase", "validation": "email"},
 *       {"source": ["first_name", "last_name"], "target": "FullName",
 *        "transformation": "concat", "separator": " "}]}
 *     """);
 * MappingResult result = mapping.apply(Map.of("email", "Asha@Example.com", "first_name", "Asha"));
 * }</pre>
 */
public interface FieldMapping {

  /**
   * Returns the mapping's name, used in messages.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the target fields, in declaration order.
   *
   * @return the targets
   */
  List<String> targets();

  /**
   * Maps one record. Never throws for bad data: every problem is in the result.
   *
   * @param source the record: a {@link Map}, a {@link JsonNode}, a record or a POJO (may be null)
   * @return the mapped values and the errors
   */
  MappingResult apply(Object source);

  /**
   * Compiles a declaration written in JSON.
   *
   * @param json the declaration
   * @return the compiled mapping, named {@code "mapping"}
   * @throws MappingDeclarationException when the JSON is malformed or the declaration is wrong
   */
  static FieldMapping fromJson(String json) {
    return fromJson("mapping", json);
  }

  /**
   * Compiles a named declaration written in JSON.
   *
   * @param name the mapping's name, for messages
   * @param json the declaration
   * @return the compiled mapping
   * @throws MappingDeclarationException when the JSON is malformed or the declaration is wrong
   */
  static FieldMapping fromJson(String name, String json) {
    Objects.requireNonNull(json, "json");
    return fromJson(name, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Compiles a declaration written in JSON.
   *
   * @param json the declaration, UTF-8
   * @return the compiled mapping, named {@code "mapping"}
   * @throws MappingDeclarationException when the JSON is malformed or the declaration is wrong
   */
  static FieldMapping fromJson(byte[] json) {
    return fromJson("mapping", json);
  }

  /**
   * Compiles a named declaration written in JSON.
   *
   * @param name the mapping's name, for messages
   * @param json the declaration, UTF-8
   * @return the compiled mapping
   * @throws MappingDeclarationException when the JSON is malformed or the declaration is wrong
   */
  static FieldMapping fromJson(String name, byte[] json) {
    Objects.requireNonNull(json, "json");
    Object tree;
    try {
      tree = Json.mapper().readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new MappingDeclarationException(
          "field mapping '" + name + "'",
          List.of(
              "mapping: not valid JSON ("
                  + e.getOriginalMessage()
                  + " at line "
                  + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                  + ")"));
    } catch (IOException e) {
      throw new MappingDeclarationException(
          "field mapping '" + name + "'", List.of("mapping: could not read the JSON"));
    }
    return MappingCompiler.compile(name, "", tree);
  }

  /**
   * Compiles a declaration given as a tree: maps, lists and scalars (as YAML or Spring properties
   * give them; maps keyed {@code "0"}, {@code "1"}... count as lists), or a Jackson tree.
   *
   * @param name the mapping's name, for messages
   * @param declaration the declaration: list form ({@code mappings}) or single-field form
   * @return the compiled mapping
   * @throws MappingDeclarationException listing every problem of the declaration
   */
  static FieldMapping fromTree(String name, Object declaration) {
    return MappingCompiler.compile(name, "", declaration);
  }

  /**
   * Starts a mapping built in Java.
   *
   * @param name the mapping's name, for messages
   * @return the builder
   */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a mapping in Java. It produces the same declaration as the JSON form and compiles it the
   * same way, so the same rules and errors apply.
   */
  final class Builder {
    private final String name;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds a field.
     *
     * @param field the field
     * @return this builder
     */
    public Builder field(Field field) {
      entries.add(field.toDeclaration());
      return this;
    }

    /**
     * Adds a field read from one source, with transformations applied in order.
     *
     * @param source the source path, such as {@code customer.email}
     * @param target the target field
     * @param transformations the transformations, in order
     * @return this builder
     */
    public Builder field(String source, String target, Transformation... transformations) {
      return field(Field.from(source).to(target).transform(transformations));
    }

    /**
     * Compiles the mapping.
     *
     * @return the compiled mapping
     * @throws MappingDeclarationException listing every problem of the declaration
     */
    public FieldMapping build() {
      return MappingCompiler.compile(name, "", Map.of("mappings", List.copyOf(entries)));
    }
  }

  /** One field of a {@link Builder}: sources, target, transformations, validation. */
  final class Field {
    private final List<String> sources;
    private String target;
    private final List<Object> transformations = new ArrayList<>();
    private final List<Object> validations = new ArrayList<>();
    private boolean required;

    private Field(List<String> sources) {
      this.sources = List.copyOf(sources);
    }

    /**
     * Starts a field read from one or more source paths (several need {@link
     * Transformation#concat(String)} first).
     *
     * @param sources the source paths
     * @return the field
     */
    public static Field from(String... sources) {
      return new Field(List.of(sources));
    }

    /**
     * Sets the target field.
     *
     * @param target the target field
     * @return this field
     */
    public Field to(String target) {
      this.target = target;
      return this;
    }

    /**
     * Adds transformations, applied in order.
     *
     * @param steps the transformations
     * @return this field
     */
    public Field transform(Transformation... steps) {
      for (Transformation step : steps) {
        transformations.add(step.toDeclaration());
      }
      return this;
    }

    /**
     * Makes the field required: a missing, null or blank value is an error.
     *
     * @return this field
     */
    public Field required() {
      this.required = true;
      return this;
    }

    /**
     * Adds a validation of the transformed value.
     *
     * @param validation the validation
     * @return this field
     */
    public Field validate(Validation validation) {
      validations.add(validation.toDeclaration());
      return this;
    }

    Map<String, Object> toDeclaration() {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("source", sources.size() == 1 ? sources.get(0) : sources);
      if (target != null) {
        entry.put("target", target);
      }
      if (!transformations.isEmpty()) {
        entry.put("transformation", List.copyOf(transformations));
      }
      if (required) {
        entry.put("required", true);
      }
      if (!validations.isEmpty()) {
        entry.put("validation", List.copyOf(validations));
      }
      return entry;
    }
  }
}
