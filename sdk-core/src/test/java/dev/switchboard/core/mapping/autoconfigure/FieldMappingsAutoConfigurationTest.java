package dev.switchboard.core.mapping.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.mapping.FieldMapping;
import dev.switchboard.core.mapping.FieldMappings;
import dev.switchboard.core.mapping.MappingDeclarationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class FieldMappingsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(FieldMappingsAutoConfiguration.class));

  @Test
  void bindsBothFormsFromProperties() {
    runner
        .withPropertyValues(
            "switchboard.mappings.contact.source_field=customer_email",
            "switchboard.mappings.contact.target_field=email",
            "switchboard.mappings.contact.transformation=lowercase",
            "switchboard.mappings.contact.required=true",
            "switchboard.mappings.contact.validation.type=email",
            "switchboard.mappings.contact.validation.pattern=^[\\w-\\.]+@([\\w-]+\\.)+[\\w-]{2,4}$",
            "switchboard.mappings.crm.mappings[0].source=first_name",
            "switchboard.mappings.crm.mappings[0].target=FirstName",
            "switchboard.mappings.crm.mappings[0].transformation=trim",
            "switchboard.mappings.crm.mappings[1].source=email",
            "switchboard.mappings.crm.mappings[1].target=Email",
            "switchboard.mappings.crm.mappings[1].transformation=lowercase",
            "switchboard.mappings.crm.mappings[1].validation=email",
            "switchboard.mappings.crm.mappings[2].source[0]=first_name",
            "switchboard.mappings.crm.mappings[2].source[1]=last_name",
            "switchboard.mappings.crm.mappings[2].target=FullName",
            "switchboard.mappings.crm.mappings[2].transformation=concat",
            "switchboard.mappings.crm.mappings[2].separator=-")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(FieldMappings.class);
              FieldMappings mappings = context.getBean(FieldMappings.class);
              assertThat(mappings.names()).containsExactlyInAnyOrder("contact", "crm");

              FieldMapping contact = mappings.get("contact");
              assertThat(contact.name()).isEqualTo("contact");
              assertThat(contact.apply(Map.of("customer_email", "ASHA@Example.com")).values())
                  .containsExactly(Map.entry("email", "asha@example.com"));
              // the document's pattern, bound verbatim: it rejects +tags
              assertThat(contact.apply(Map.of("customer_email", "a+b@example.com")).isValid())
                  .isFalse();
              assertThat(contact.apply(Map.of()).isValid()).isFalse();

              FieldMapping crm = mappings.get("crm");
              assertThat(crm.targets()).containsExactly("FirstName", "Email", "FullName");
              assertThat(
                      crm.apply(
                              Map.of(
                                  "first_name", " Asha ",
                                  "last_name", "Rao",
                                  "email", "ASHA@EXAMPLE.COM"))
                          .recipientData())
                  .containsExactly(
                      Map.entry("FirstName", "Asha"),
                      Map.entry("Email", "asha@example.com"),
                      Map.entry("FullName", "Asha-Rao"));
            });
  }

  @Test
  void bindsBothFormsFromYaml() {
    runner
        .withInitializer(
            context -> {
              try {
                List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader()
                        .load("leads.yml", new ClassPathResource("mapping/leads.yml"));
                sources.forEach(context.getEnvironment().getPropertySources()::addFirst);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              FieldMappings mappings = context.getBean(FieldMappings.class);
              assertThat(
                      mappings
                          .get("contact")
                          .apply(Map.of("customer", Map.of("email", "  Asha@Example.COM ")))
                          .values())
                  .containsExactly(Map.entry("email", "asha@example.com"));

              Map<String, Object> record =
                  Map.of(
                      "customer",
                      Map.of("first_name", "Asha", "last_name", "Rao", "phone", "+91 98765 43210"),
                      "order",
                      Map.of("placed_on", "05/03/2024", "tier", " GOLD ", "tags", "new|vip"));
              assertThat(mappings.get("lead").apply(record).valuesOrThrow())
                  .containsExactly(
                      Map.entry("customer_name", "Rao, Asha"),
                      Map.entry("phone", "9876543210"),
                      Map.entry("order_date", "5 Mar 2024"),
                      Map.entry("tier", "G"),
                      Map.entry("tags", List.of("new", "vip")));
              Map<String, Object> other =
                  Map.of("customer", Map.of("first_name", "Asha"), "order", Map.of("tier", "1"));
              assertThat(mappings.get("lead").apply(other).values())
                  .containsExactly(Map.entry("customer_name", "Asha"), Map.entry("tier", "ONE"));
            });
  }

  @Test
  void aWrongDeclarationFailsStartupNamingEveryPropertyPath() {
    runner
        .withPropertyValues(
            "switchboard.mappings.crm.mappings[0].source=first_name",
            "switchboard.mappings.crm.mappings[0].target=FirstName",
            "switchboard.mappings.crm.mappings[1].source=email",
            "switchboard.mappings.crm.mappings[1].target=Email",
            "switchboard.mappings.crm.mappings[1].transformation=lowercas",
            "switchboard.mappings.contact.source_field=customer_email",
            "switchboard.mappings.contact.validation.pattern=[a-z")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              while (failure != null && !(failure instanceof MappingDeclarationException)) {
                failure = failure.getCause();
              }
              assertThat(failure)
                  .isInstanceOf(MappingDeclarationException.class)
                  .hasMessageStartingWith(
                      "Invalid field mappings under switchboard.mappings (3 problems)");
              assertThat(((MappingDeclarationException) failure).problems())
                  .containsExactlyInAnyOrder(
                      "switchboard.mappings.crm.mappings[1] (target 'Email'): unknown"
                          + " transformation 'lowercas' (known: lowercase, uppercase, trim,"
                          + " format_date, format_phone, concat, split, lookup)",
                      "switchboard.mappings.contact (no target): has no target; set 'target' or"
                          + " 'target_field' to a field name",
                      "switchboard.mappings.contact (no target): validation pattern does not"
                          + " compile (Unclosed character class near index 3)");
            });
  }

  @Test
  void kebabCaseKeysReadAsTheDocumentsSnakeCase() {
    runner
        .withPropertyValues(
            "switchboard.mappings.signup.source-field=signed_up",
            "switchboard.mappings.signup.target-field=signup_date",
            "switchboard.mappings.signup.transformation=format_date",
            "switchboard.mappings.signup.input-pattern=dd/MM/yyyy",
            "switchboard.mappings.signup.output-pattern=yyyy-MM-dd")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(FieldMappings.class)
                            .get("signup")
                            .apply(Map.of("signed_up", "05/03/2024"))
                            .values())
                    .containsExactly(Map.entry("signup_date", "2024-03-05")));
  }

  @Test
  void aMissingNameFailsClearly() {
    runner
        .withPropertyValues(
            "switchboard.mappings.crm.source_field=a", "switchboard.mappings.crm.target_field=b")
        .run(
            context ->
                assertThatThrownBy(() -> context.getBean(FieldMappings.class).get("leads"))
                    .isInstanceOf(SwitchboardException.class)
                    .hasMessage(
                        "No field mapping named 'leads'; declare it under"
                            + " switchboard.mappings.leads (declared: crm)"));
  }

  @Test
  void nothingDeclaredGivesAnEmptyRegistry() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          FieldMappings mappings = context.getBean(FieldMappings.class);
          assertThat(mappings.names()).isEmpty();
          assertThat(mappings.find("crm")).isEmpty();
          assertThatThrownBy(() -> mappings.get("crm")).hasMessageContaining("(declared: none)");
        });
  }

  @Test
  void backsOffForTheApplicationsOwnRegistry() {
    FieldMappings own = FieldMappings.of(Map.of());
    runner
        .withBean(FieldMappings.class, () -> own)
        .withPropertyValues("switchboard.mappings.crm.source_field=a")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(FieldMappings.class)).isSameAs(own);
            });
  }

  @Test
  void isRegisteredAsAnAutoConfiguration() throws IOException {
    String imports =
        read(
            Collections.list(
                    getClass()
                        .getClassLoader()
                        .getResources(
                            "META-INF/spring/"
                                + "org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                .stream()
                .filter(url -> url.getPath().contains("/target/classes/"))
                .findFirst()
                .orElseThrow());
    assertThat(imports.lines()).contains(FieldMappingsAutoConfiguration.class.getName());
  }

  @Test
  void thePropertyIsDescribedForIdes() throws IOException {
    List<URL> metadata =
        Collections.list(
            getClass()
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
    assertThat(metadata.stream().map(FieldMappingsAutoConfigurationTest::read))
        .anySatisfy(
            json ->
                assertThat(json)
                    .contains("\"name\": \"switchboard.mappings\"")
                    .contains("Named field mappings"));
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
