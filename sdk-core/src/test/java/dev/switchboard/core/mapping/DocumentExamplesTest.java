package dev.switchboard.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two configurations printed in the WorkFlux "Data Mapping &amp; Transformation" section,
 * parsed from their exact JSON (test resources under {@code mapping/}) and run end to end.
 */
class DocumentExamplesTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = DocumentExamplesTest.class.getResourceAsStream("/mapping/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void singleFieldExample() throws IOException {
    FieldMapping mapping =
        FieldMapping.fromJson("contact", resource("workflux-field-mapping.json"));
    assertThat(mapping.targets()).containsExactly("email");

    MappingResult ok = mapping.apply(Map.of("customer_email", "Asha.Rao@Example.COM"));
    assertThat(ok.isValid()).isTrue();
    assertThat(ok.values()).containsExactly(Map.entry("email", "asha.rao@example.com"));
    assertThat(ok.recipientData()).isEqualTo(ok.values());

    MappingResult missing = mapping.apply(Map.of("name", "Asha"));
    assertThat(missing.errors())
        .containsExactly(
            new MappingError(
                "email",
                "customer_email",
                MappingError.Reason.REQUIRED,
                "required but missing or blank"));

    MappingResult invalid = mapping.apply(Map.of("customer_email", "asha at example.com"));
    assertThat(invalid.errors())
        .containsExactly(
            new MappingError(
                "email",
                "customer_email",
                MappingError.Reason.INVALID,
                "not a valid email address"));
    assertThatThrownBy(invalid::recipientData)
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("email (from customer_email): not a valid email address")
        .hasMessageNotContaining("asha at example.com");
  }

  @Test
  void theDocumentsPatternIsUsedWhenGivenAndIsNarrowerThanTheDefault() throws IOException {
    FieldMapping documented = FieldMapping.fromJson(resource("workflux-field-mapping.json"));
    FieldMapping byDefault =
        FieldMapping.fromJson(
            "{\"source_field\": \"customer_email\", \"target_field\": \"email\","
                + " \"validation\": {\"type\": \"email\"}}");
    // The document's pattern rejects +tags and top-level domains longer than four letters.
    for (String email : new String[] {"asha+leads@example.com", "asha@example.museum"}) {
      Map<String, Object> record = Map.of("customer_email", email);
      assertThat(documented.apply(record).isValid()).as(email).isFalse();
      assertThat(byDefault.apply(record).isValid()).as(email).isTrue();
    }
    // Both accept the ordinary and reject the broken.
    for (String email : new String[] {"asha.rao@example.co.in", "a-b_c@mail.example.com"}) {
      assertThat(documented.apply(Map.of("customer_email", email)).isValid()).as(email).isTrue();
      assertThat(byDefault.apply(Map.of("customer_email", email)).isValid()).as(email).isTrue();
    }
    for (String email : new String[] {"asha", "asha@", "@example.com", "asha@example"}) {
      assertThat(documented.apply(Map.of("customer_email", email)).isValid()).as(email).isFalse();
      assertThat(byDefault.apply(Map.of("customer_email", email)).isValid()).as(email).isFalse();
    }
    // The default rejects what the document's \w lets through in a domain.
    Map<String, Object> underscoreDomain = Map.of("customer_email", "asha@my_host.com");
    assertThat(documented.apply(underscoreDomain).isValid()).isTrue();
    assertThat(byDefault.apply(underscoreDomain).isValid()).isFalse();
  }

  @Test
  void theDocumentsPatternIsAlsoAConstant() throws IOException {
    String json = new String(resource("workflux-field-mapping.json"), "UTF-8");
    assertThat(json).contains(Validation.CLASSIC_EMAIL_PATTERN.replace("\\", "\\\\"));
    FieldMapping built =
        FieldMapping.builder("contact")
            .field(
                FieldMapping.Field.from("customer_email")
                    .to("email")
                    .transform(Transformation.lowercase())
                    .required()
                    .validate(Validation.classicEmail()))
            .build();
    assertThat(built.apply(Map.of("customer_email", "asha+x@example.com")).errors())
        .extracting(MappingError::reason)
        .containsExactly(MappingError.Reason.INVALID);
    assertThat(built.apply(Map.of("customer_email", "ASHA@EXAMPLE.COM")).values())
        .containsExactly(Map.entry("email", "asha@example.com"));
  }

  @Test
  void listExample() throws IOException {
    FieldMapping mapping = FieldMapping.fromJson("crm", resource("workflux-example-mapping.json"));
    assertThat(mapping.targets()).containsExactly("FirstName", "Email", "FullName");

    MappingResult result =
        mapping.apply(
            Map.of("first_name", "  Asha ", "last_name", "Rao", "email", "Asha.Rao@Example.COM"));
    assertThat(result.isValid()).isTrue();
    assertThat(result.values())
        .containsExactly(
            Map.entry("FirstName", "Asha"),
            Map.entry("Email", "asha.rao@example.com"),
            Map.entry("FullName", "Asha Rao"));

    MappingResult noLastName = mapping.apply(Map.of("first_name", "Asha", "email", "a@b.in"));
    assertThat(noLastName.values()).containsEntry("FullName", "Asha");

    MappingResult badEmail = mapping.apply(Map.of("first_name", "Asha", "email", "not-an-email"));
    assertThat(badEmail.values()).containsOnlyKeys("FirstName", "FullName");
    assertThat(badEmail.errors())
        .containsExactly(
            new MappingError(
                "Email", "email", MappingError.Reason.INVALID, "not a valid email address"));
    assertThatThrownBy(badEmail::valuesOrThrow)
        .isInstanceOf(MappingException.class)
        .isInstanceOf(dev.switchboard.core.SwitchboardException.class)
        .hasMessage(
            "Field mapping 'crm' found 1 problem in the record; fix the data or the mapping:\n"
                + " - Email (from email): not a valid email address");
  }

  @Test
  void listExampleFromAString() throws IOException {
    String json = new String(resource("workflux-example-mapping.json"), "UTF-8");
    assertThat(
            FieldMapping.fromJson(json)
                .apply(Map.of("first_name", "Asha", "last_name", "Rao"))
                .values())
        .containsExactly(Map.entry("FirstName", "Asha"), Map.entry("FullName", "Asha Rao"));
  }
}
