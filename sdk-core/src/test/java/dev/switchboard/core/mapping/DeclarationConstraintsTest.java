package dev.switchboard.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.testing.BeanValidation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @Valid} on a declaration says what compiling it in a field mapping says. */
class DeclarationConstraintsTest {

  static List<String> messages(Object declaration) {
    return BeanValidation.messages(declaration);
  }

  static String compilerProblem(FieldMapping.Field field) {
    return catchThrowableOfType(
            () -> FieldMapping.builder("m").field(field.to("x")).build(),
            MappingDeclarationException.class)
        .problems()
        .get(0);
  }

  @Test
  void aWrongValidationGetsTheCompilersProblem() {
    Validation unknown = new Validation("colour", null);
    Validation broken = Validation.pattern("[0-9");

    assertThat(messages(unknown))
        .containsExactly(
            "unknown validation type 'colour' (known: email, phone, pattern, required)");
    assertThat(compilerProblem(FieldMapping.Field.from("a").validate(unknown)))
        .endsWith(": " + messages(unknown).get(0));
    assertThat(messages(broken))
        .singleElement()
        .asString()
        .startsWith("validation pattern does not compile");
    assertThat(compilerProblem(FieldMapping.Field.from("a").validate(broken)))
        .endsWith(": " + messages(broken).get(0));
  }

  @Test
  void aWrongTransformationGetsTheCompilersProblem() {
    Transformation unknown = new Transformation("shout", Map.of());

    assertThat(messages(unknown))
        .singleElement()
        .asString()
        .startsWith("unknown transformation 'shout'");
    assertThat(compilerProblem(FieldMapping.Field.from("a").transform(unknown)))
        .endsWith(": " + messages(unknown).get(0));
  }

  @Test
  void everyBuiltInDeclarationIsValid() {
    List<Object> declarations =
        List.of(
            Validation.email(),
            Validation.classicEmail(),
            Validation.phone(),
            Validation.pattern("[1-9][0-9]{5}"),
            Transformation.lowercase(),
            Transformation.trim(),
            Transformation.formatPhone(),
            Transformation.formatDate("dd-MM-yyyy", "yyyy-MM-dd"),
            Transformation.concat(" "),
            Transformation.split(","),
            Transformation.lookup(Map.of("Y", "yes")));

    assertThat(declarations).allSatisfy(d -> assertThat(messages(d)).isEmpty());
  }
}
