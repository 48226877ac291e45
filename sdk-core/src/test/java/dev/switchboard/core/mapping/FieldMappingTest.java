package dev.switchboard.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.json.internal.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

  record Address(String city, String pin) {}

  record Customer(
      @JsonProperty("given_name") String firstName,
      String lastName,
      Address address,
      Optional<String> email,
      List<String> phones) {}

  record Order(String awb, Customer customer, LocalDate placedOn) {}

  /** A plain JavaBean. */
  public static final class Account {
    private final String owner;
    private final boolean active;
    public final Map<String, Object> extra = Map.of("region", "south");

    Account(String owner, boolean active) {
      this.owner = owner;
      this.active = active;
    }

    public String getOwner() {
      return owner;
    }

    public boolean isActive() {
      return active;
    }
  }

  static final String NESTED =
      """
      {"mappings": [
        {"source": "customer.address.city", "target": "city", "transformation": "uppercase"},
        {"source": ["customer.given_name", "customer.last_name"], "target": "name",
         "transformation": "concat"},
        {"source": "customer.email", "target": "email", "validation": "email"},
        {"source": "customer.phones[1]", "target": "alternate_phone",
         "transformation": "format_phone"},
        {"source": "placed_on", "target": "order_date",
         "transformation": {"name": "format_date", "output_pattern": "dd MMM yyyy"}},
        {"source": "awb", "target": "awb", "required": true}
      ]}
      """;

  static final Map<String, Object> EXPECTED =
      orderedMap(
          "city", "PUNE",
          "name", "Asha Rao",
          "email", "asha@example.com",
          "alternate_phone", "9876500000",
          "order_date", "05 Mar 2024",
          "awb", "AWB-1");

  static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Order order() {
    return new Order(
        "AWB-1",
        new Customer(
            "Asha",
            "Rao",
            new Address("Pune", "411001"),
            Optional.of("asha@example.com"),
            List.of("9876543210", "+91 98765 00000")),
        LocalDate.of(2024, 3, 5));
  }

  @Test
  void nestedPathsOnRecords() {
    MappingResult result = FieldMapping.fromJson(NESTED).apply(order());
    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).containsExactlyEntriesOf(EXPECTED);
  }

  @Test
  void nestedPathsOnMaps() {
    Map<String, Object> record =
        Map.of(
            "awb", "AWB-1",
            "placed_on", "2024-03-05",
            "customer",
                Map.of(
                    "given_name", "Asha",
                    "last_name", "Rao",
                    "address", Map.of("city", "Pune"),
                    "email", "asha@example.com",
                    "phones", List.of("9876543210", "098765 00000")));
    MappingResult result = FieldMapping.fromJson(NESTED).apply(record);
    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).containsExactlyEntriesOf(EXPECTED);
  }

  @Test
  void nestedPathsOnJsonTrees() throws Exception {
    JsonNode tree =
        Json.mapper()
            .readTree(
                """
                {"awb": "AWB-1", "placed_on": "2024-03-05",
                 "customer": {"given_name": "Asha", "last_name": "Rao",
                              "address": {"city": "Pune"}, "email": "asha@example.com",
                              "phones": ["9876543210", 919876500000]}}
                """);
    MappingResult result = FieldMapping.fromJson(NESTED).apply(tree);
    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).containsExactlyEntriesOf(EXPECTED);
  }

  @Test
  void nestedPathsOnBeansFieldsAndFlatDottedKeys() {
    FieldMapping mapping =
        FieldMapping.fromJson(
            """
            {"mappings": [
              {"source": "account.owner", "target": "owner"},
              {"source": "account.active", "target": "active"},
              {"source": "account.extra.region", "target": "region"},
              {"source": "customer.email", "target": "email"},
              {"source": "account.missing.deeper", "target": "nothing"}
            ]}
            """);
    Map<String, Object> record = new HashMap<>();
    record.put("account", new Account("Asha", true));
    record.put("customer.email", "flat@example.com");
    assertThat(mapping.apply(record).values())
        .containsExactlyEntriesOf(
            orderedMap(
                "owner", "Asha", "active", true, "region", "south", "email", "flat@example.com"));
  }

  @Test
  void missingOptionalFieldsAreLeftOutAndRequiredOnesReported() {
    MappingResult result = FieldMapping.fromJson(NESTED).apply(Map.of("customer", Map.of()));
    assertThat(result.values()).isEmpty();
    assertThat(result.errors())
        .containsExactly(
            new MappingError(
                "awb", "awb", MappingError.Reason.REQUIRED, "required but missing or blank"));
    assertThat(FieldMapping.fromJson(NESTED).apply(null).errors()).hasSize(1);
  }

  @Test
  void chainedTransformationsApplyInOrder() {
    Map<String, Object> record = Map.of("in", "  Asha.Rao@Example.COM\u00A0");
    for (String chain :
        List.of(
            "[\"trim\", \"lowercase\"]",
            "\"trim, lowercase\"",
            "[{\"name\": \"trim\"}, {\"name\": \"lowercase\"}]")) {
      FieldMapping mapping =
          FieldMapping.fromJson(
              "{\"source\": \"in\", \"target\": \"out\", \"validation\": \"email\","
                  + " \"transformation\": "
                  + chain
                  + "}");
      assertThat(mapping.apply(record).values())
          .as(chain)
          .containsExactly(Map.entry("out", "asha.rao@example.com"));
    }
    FieldMapping order =
        FieldMapping.fromJson(
            """
            {"source": "in", "target": "out", "transformation": [
              "trim", "uppercase",
              {"name": "lookup", "table": {"GOLD": "premium"}, "default": "basic"},
              "uppercase"]}
            """);
    assertThat(order.apply(Map.of("in", " gold ")).values()).containsEntry("out", "PREMIUM");
    assertThat(order.apply(Map.of("in", "iron")).values()).containsEntry("out", "BASIC");
  }

  @Test
  void validationWithoutTransformationChecksTheValueAsSent() {
    FieldMapping phone =
        FieldMapping.fromJson(
            "{\"source\": \"p\", \"target\": \"phone\", \"validation\": \"phone\"}");
    assertThat(phone.apply(Map.of("p", "9876543210")).isValid()).isTrue();
    assertThat(phone.apply(Map.of("p", "+919876543210")).isValid()).isTrue();
    assertThat(phone.apply(Map.of("p", "98765 43210")).errors())
        .containsExactly(
            new MappingError(
                "phone",
                "p",
                MappingError.Reason.INVALID,
                "not a valid phone number (10 digits or +E.164)"));
    FieldMapping normalised =
        FieldMapping.fromJson(
            "{\"source\": \"p\", \"target\": \"phone\", \"transformation\": \"format_phone\","
                + " \"validation\": \"phone\"}");
    assertThat(normalised.apply(Map.of("p", "98765 43210")).values())
        .containsEntry("phone", "9876543210");
  }

  @Test
  void customPatternAndRequiredAsValidation() {
    FieldMapping pin =
        FieldMapping.fromJson(
            """
            {"source": "pin", "target": "pin", "validation": [{"pattern": "[1-9][0-9]{5}"}, "required"]}
            """);
    assertThat(pin.apply(Map.of("pin", "411001")).isValid()).isTrue();
    assertThat(pin.apply(Map.of("pin", 411001)).isValid()).isTrue();
    assertThat(pin.apply(Map.of("pin", "41100")).errors())
        .containsExactly(
            new MappingError(
                "pin",
                "pin",
                MappingError.Reason.INVALID,
                "does not match the pattern [1-9][0-9]{5}"));
    assertThat(pin.apply(Map.of()).errors())
        .extracting(MappingError::reason)
        .containsExactly(MappingError.Reason.REQUIRED);
    FieldMapping typed =
        FieldMapping.fromJson(
            "{\"source\": \"pin\", \"target\": \"pin\","
                + " \"validation\": {\"type\": \"pattern\", \"pattern\": \"\\\\d{6}\"}}");
    assertThat(typed.apply(Map.of("pin", "411001")).isValid()).isTrue();
    assertThat(typed.apply(Map.of("pin", "4110011")).isValid()).isFalse();
    assertThat(typed.apply(Map.of()).isValid()).isTrue();
  }

  @Test
  void everyErrorIsReportedAtOnceAndNothingIsThrown() {
    FieldMapping mapping =
        FieldMapping.fromJson(
            """
            {"mappings": [
              {"source": "name", "target": "name", "required": true},
              {"source": "email", "target": "email", "validation": "email"},
              {"source": "phone", "target": "phone", "transformation": "format_phone"},
              {"source": "tier", "target": "tier",
               "transformation": {"name": "lookup", "table": {"gold": "G"}}},
              {"source": "city", "target": "city"}
            ]}
            """);
    MappingResult result =
        mapping.apply(
            Map.of(
                "email", "asha@@example.com",
                "phone", "12345",
                "tier", "tin",
                "city", "Pune"));
    assertThat(result.isValid()).isFalse();
    assertThat(result.values()).containsExactly(Map.entry("city", "Pune"));
    assertThat(result.errors())
        .extracting(MappingError::target, MappingError::source, MappingError::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("name", "name", MappingError.Reason.REQUIRED),
            org.assertj.core.groups.Tuple.tuple("email", "email", MappingError.Reason.INVALID),
            org.assertj.core.groups.Tuple.tuple(
                "phone", "phone", MappingError.Reason.TRANSFORMATION_FAILED),
            org.assertj.core.groups.Tuple.tuple("tier", "tier", MappingError.Reason.LOOKUP_MISS));
    assertThatThrownBy(result::recipientData)
        .isInstanceOf(MappingException.class)
        .isInstanceOf(SwitchboardException.class)
        .hasMessageStartingWith("Field mapping 'mapping' found 4 problems")
        .hasMessageContaining("name (from name): required but missing or blank")
        .hasMessageContaining("email (from email): not a valid email address")
        .hasMessageContaining("phone (from phone): format_phone needs a 10-digit number (+91)")
        .hasMessageContaining("tier (from tier): the value has no entry in the lookup table")
        .hasMessageNotContaining("asha@@example.com")
        .hasMessageNotContaining("12345")
        .hasMessageNotContaining("tin")
        .satisfies(e -> assertThat(((MappingException) e).errors()).isEqualTo(result.errors()));
    assertThat(result.toString()).doesNotContain("Pune");
  }

  @Test
  void resultValuesAreUnmodifiable() {
    MappingResult result = FieldMapping.fromJson(NESTED).apply(order());
    assertThat(result.value("city")).contains("PUNE");
    assertThat(result.value("nope")).isEmpty();
    assertThat(result.throwIfInvalid()).isSameAs(result);
    assertThatThrownBy(() -> result.values().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderCompilesTheSameLanguage() {
    FieldMapping built =
        FieldMapping.builder("order")
            .field("customer.address.city", "city", Transformation.uppercase())
            .field(
                FieldMapping.Field.from("customer.given_name", "customer.last_name")
                    .to("name")
                    .transform(Transformation.concat(" ")))
            .field(
                FieldMapping.Field.from("customer.email").to("email").validate(Validation.email()))
            .field(
                FieldMapping.Field.from("customer.phones[1]")
                    .to("alternate_phone")
                    .transform(Transformation.formatPhone()))
            .field(
                FieldMapping.Field.from("placed_on")
                    .to("order_date")
                    .transform(Transformation.formatDate(null, "dd MMM yyyy")))
            .field(FieldMapping.Field.from("awb").to("awb").required())
            .build();
    assertThat(built.name()).isEqualTo("order");
    assertThat(built.apply(order()).values()).containsExactlyEntriesOf(EXPECTED);
    assertThat(built.apply(Map.of()).errors()).hasSize(1);

    FieldMapping more =
        FieldMapping.builder("more")
            .field("tags", "tags", Transformation.split("|"), Transformation.uppercase())
            .field("phone", "phone", Transformation.formatPhoneE164())
            .field(
                "tier",
                "tier",
                Transformation.lookup(Map.of("gold", "G")).with("ignore_case", true))
            .field("size", "size", Transformation.lookup(Map.of("l", "Large"), "Unknown"))
            .field(
                FieldMapping.Field.from("pin").to("pin").validate(Validation.pattern("[0-9]{6}")))
            .field(FieldMapping.Field.from("mobile").to("mobile").validate(Validation.phone()))
            .build();
    assertThat(
            more.apply(
                    Map.of(
                        "tags", "a|b",
                        "phone", "9876543210",
                        "tier", "GOLD",
                        "size", "xl",
                        "pin", "411001",
                        "mobile", "+14155552671"))
                .valuesOrThrow())
        .containsExactlyEntriesOf(
            orderedMap(
                "tags",
                List.of("A", "B"),
                "phone",
                "+919876543210",
                "tier",
                "G",
                "size",
                "Unknown",
                "pin",
                "411001",
                "mobile",
                "+14155552671"));
  }

  @Test
  void builderReportsDeclarationErrorsLikeJson() {
    assertThatThrownBy(
            () ->
                FieldMapping.builder("broken")
                    .field(FieldMapping.Field.from("a").transform(Transformation.trim()))
                    .field("b", "B", new Transformation("shout", Map.of()))
                    .build())
        .isInstanceOf(MappingDeclarationException.class)
        .hasMessageContaining("mappings[0] (no target): has no target")
        .hasMessageContaining("mappings[1] (target 'B'): unknown transformation 'shout'");
  }

  @Test
  void optionsInTheTransformationObjectWinOverSiblingKeys() {
    FieldMapping mapping =
        FieldMapping.fromJson(
            """
            {"source": ["a", "b"], "target": "out", "separator": "-",
             "transformation": ["concat", {"name": "split", "separator": "+"}]}
            """);
    // concat takes the sibling separator "-", split its own "+"
    assertThat(mapping.apply(Map.of("a", "x+y", "b", "z")).values())
        .containsEntry("out", List.of("x", "y-z"));
  }

  @Test
  void springShapedTreesWithIndexedMapsCompile() {
    Map<String, Object> declaration =
        Map.of(
            "mappings",
            Map.of(
                "1", Map.of("source", "email", "target", "Email", "validation", "email"),
                "0",
                    Map.of(
                        "source", Map.of("0", "first_name", "1", "last_name"),
                        "target", "FullName",
                        "transformation", Map.of("0", "concat"),
                        "separator", " ",
                        "required", "true")));
    FieldMapping mapping = FieldMapping.fromTree("crm", declaration);
    assertThat(mapping.targets()).containsExactly("FullName", "Email");
    assertThat(
            mapping
                .apply(Map.of("first_name", "Asha", "last_name", "Rao", "email", "a@b.in"))
                .values())
        .containsExactly(Map.entry("FullName", "Asha Rao"), Map.entry("Email", "a@b.in"));
  }

  @Test
  void jsonTreeDeclarationsCompile() throws Exception {
    JsonNode declaration = Json.mapper().readTree(NESTED);
    assertThat(FieldMapping.fromTree("tree", declaration).apply(order()).values())
        .containsExactlyEntriesOf(EXPECTED);
  }

  @Test
  void theCompiledMappingSharesNothingWithItsDeclaration() {
    Map<String, Object> table = new HashMap<>(Map.of("gold", "G"));
    Map<String, Object> lookup = new HashMap<>(Map.of("name", "lookup", "table", table));
    Map<String, Object> entry =
        new HashMap<>(Map.of("source", "tier", "target", "tier", "transformation", lookup));
    FieldMapping mapping = FieldMapping.fromTree("tiers", entry);
    table.put("gold", "CHANGED");
    table.put("silver", "S");
    entry.put("target", "changed");
    assertThat(mapping.apply(Map.of("tier", "gold")).values())
        .containsExactly(Map.entry("tier", "G"));
    assertThat(mapping.apply(Map.of("tier", "silver")).isValid()).isFalse();
  }

  @Test
  void oneCompiledMappingAppliedFromManyThreadsGivesEachItsOwnResult() throws Exception {
    FieldMapping mapping = FieldMapping.fromJson(NESTED);
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<String>> work =
            () -> {
              start.await();
              List<String> wrong = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                String awb = "AWB-" + thread + "-" + i;
                boolean bad = i % 3 == 0;
                Map<String, Object> record = new HashMap<>();
                record.put("awb", awb);
                record.put(
                    "customer",
                    Map.of(
                        "given_name", "T" + thread,
                        "last_name", "N" + i,
                        "email", bad ? "broken" : "t" + thread + "@x.in"));
                MappingResult result = mapping.apply(record);
                boolean right =
                    awb.equals(result.values().get("awb"))
                        && ("T" + thread + " N" + i).equals(result.values().get("name"))
                        && result.isValid() == !bad
                        && result.errors().size() == (bad ? 1 : 0);
                if (!right) {
                  wrong.add(awb + " -> " + result);
                }
              }
              return wrong;
            };
        futures.add(pool.submit(work));
      }
      start.countDown();
      for (Future<List<String>> future : futures) {
        assertThat(future.get(2, TimeUnit.MINUTES)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
