package dev.switchboard.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.SwitchboardException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a declaration can be wrong fails at compile time, naming the entry. */
class DeclarationErrorsTest {

  static MappingDeclarationException compileError(String json) {
    MappingDeclarationException e =
        catchThrowableOfType(
            MappingDeclarationException.class, () -> FieldMapping.fromJson("broken", json));
    assertThat(e).as("expected a declaration error for %s", json).isNotNull();
    assertThat(e).isInstanceOf(SwitchboardException.class);
    return e;
  }

  /** One list-form entry at index 1 after a valid one; returns its only problem. */
  static String problemOf(String entryJson) {
    MappingDeclarationException e =
        compileError(
            "{\"mappings\": [{\"source\": \"ok\", \"target\": \"OK\"}, " + entryJson + "]}");
    assertThat(e.problems()).as(entryJson).hasSize(1);
    assertThat(e.getMessage())
        .startsWith("Invalid field mapping 'broken' (1 problem); fix the declaration:\n - ");
    return e.problems().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          unknown transformation | {"source": "a", "target": "A", "transformation": "lowercas"} | mappings[1] (target 'A'): unknown transformation 'lowercas' (known: lowercase, uppercase, trim, format_date, format_phone, concat, split, lookup)
          unknown in a chain | {"source": "a", "target": "A", "transformation": ["trim", "shout"]} | mappings[1] (target 'A'): unknown transformation 'shout' (known: lowercase, uppercase, trim, format_date, format_phone, concat, split, lookup)
          bad regex pattern | {"source": "a", "target": "A", "validation": {"pattern": "[a-z"}} | mappings[1] (target 'A'): validation pattern does not compile (Unclosed character class near index 3)
          bad email pattern | {"source": "a", "target": "A", "validation": {"type": "email", "pattern": "(x"}} | mappings[1] (target 'A'): validation pattern does not compile (Unclosed group near index 2)
          concat with one source | {"source": "a", "target": "A", "transformation": "concat"} | mappings[1] (target 'A'): concat needs at least two sources (source: [first, second])
          concat with a one-element list | {"source": ["a"], "target": "A", "transformation": "concat"} | mappings[1] (target 'A'): concat needs at least two sources (source: [first, second])
          several sources without concat | {"source": ["a", "b"], "target": "A", "transformation": "trim"} | mappings[1] (target 'A'): has 2 sources, so its first transformation must be concat
          concat not first | {"source": ["a", "b"], "target": "A", "transformation": ["trim", "concat"]} | mappings[1] (target 'A'): concat must be the first transformation
          lookup without a table | {"source": "a", "target": "A", "transformation": "lookup"} | mappings[1] (target 'A'): lookup needs a 'table' (an object from value to replacement)
          lookup table not an object | {"source": "a", "target": "A", "transformation": {"name": "lookup", "table": ["x"]}} | mappings[1] (target 'A'): lookup: 'table' must be a non-empty object from value to replacement
          lookup with an empty table | {"source": "a", "target": "A", "transformation": "lookup", "table": {}} | mappings[1] (target 'A'): lookup: 'table' must be a non-empty object from value to replacement
          lookup entry without a value | {"source": "a", "target": "A", "transformation": "lookup", "table": {"x": null}} | mappings[1] (target 'A'): lookup: table entry 'x' has no value
          lookup keys clash ignoring case | {"source": "a", "target": "A", "transformation": "lookup", "ignore_case": true, "table": {"x": 1, "X": 2}} | mappings[1] (target 'A'): lookup: table keys 'X' clash when case is ignored
          ignore_case not a boolean | {"source": "a", "target": "A", "transformation": "lookup", "ignore_case": "yes", "table": {"x": 1}} | mappings[1] (target 'A'): 'ignore_case' must be true or false
          missing target | {"source": "a", "transformation": "trim"} | mappings[1] (no target): has no target; set 'target' or 'target_field' to a field name
          blank target | {"source": "a", "target": " "} | mappings[1] (no target): has no target; set 'target' or 'target_field' to a field name
          missing source | {"target": "A"} | mappings[1] (target 'A'): has no source; set 'source' (a path or a list of paths) or 'source_field'
          source not text | {"source": ["a", 2], "target": "A", "transformation": "concat"} | mappings[1] (target 'A'): a source must be a path such as customer.email
          empty path segment | {"source": "customer..city", "target": "A"} | mappings[1] (target 'A'): source path 'customer..city' has an empty segment
          bad index | {"source": "items[x].sku", "target": "A"} | mappings[1] (target 'A'): source path 'items[x].sku' has a non-numeric index [x]
          unclosed index | {"source": "items[0", "target": "A"} | mappings[1] (target 'A'): source path 'items[0' has an unclosed '['
          source and source_field | {"source": "a", "source_field": "b", "target": "A"} | mappings[1] (target 'A'): give either 'source' or 'source_field', not both
          target and target_field | {"source": "a", "target": "A", "target_field": "B"} | mappings[1]: give either 'target' or 'target_field', not both
          unknown key | {"source": "a", "target": "A", "transformation": "split", "seperator": ";"} | mappings[1] (target 'A'): unknown key 'seperator'
          option no transformation uses | {"source": "a", "target": "A", "transformation": "trim", "table": {"x": 1}} | mappings[1] (target 'A'): option 'table' is not used by any of its transformations
          option without transformation | {"source": "a", "target": "A", "separator": " "} | mappings[1] (target 'A'): option 'separator' is not used by any of its transformations
          unknown option in an object | {"source": "a", "target": "A", "transformation": {"name": "trim", "both": true}} | mappings[1] (target 'A'): transformation trim takes no option 'both'
          transformation object without name | {"source": "a", "target": "A", "transformation": {"input_pattern": "dd"}} | mappings[1] (target 'A'): a transformation object needs a 'name'
          transformation not text or object | {"source": "a", "target": "A", "transformation": 7} | mappings[1] (target 'A'): 'transformation' must be a name, an object or a list of them
          unknown validation type | {"source": "a", "target": "A", "validation": "emial"} | mappings[1] (target 'A'): unknown validation type 'emial' (known: email, phone, pattern, required)
          pattern validation without pattern | {"source": "a", "target": "A", "validation": {"type": "pattern"}} | mappings[1] (target 'A'): validation pattern needs a 'pattern' (a regular expression)
          validation object without type or pattern | {"source": "a", "target": "A", "validation": {}} | mappings[1] (target 'A'): a validation object needs a 'type' or a 'pattern'
          unknown validation key | {"source": "a", "target": "A", "validation": {"type": "email", "message": "x"}} | mappings[1] (target 'A'): unknown validation key 'message' (expected type, pattern)
          validation not text or object | {"source": "a", "target": "A", "validation": 5} | mappings[1] (target 'A'): 'validation' must be a type name or an object with type and pattern
          required validation with a pattern | {"source": "a", "target": "A", "validation": {"type": "required", "pattern": "x"}} | mappings[1] (target 'A'): validation required takes no pattern
          required not a boolean | {"source": "a", "target": "A", "required": "yes"} | mappings[1] (target 'A'): 'required' must be true or false
          bad input date pattern | {"source": "a", "target": "A", "transformation": "format_date", "input_pattern": "dd/MM/yyyy qqqqqq"} | mappings[1] (target 'A'): format_date: Too many pattern letters: q
          bad output date pattern | {"source": "a", "target": "A", "transformation": "format_date", "output_pattern": "bb"} | mappings[1] (target 'A'): format_date: Unknown pattern letter: b
          bad zone | {"source": "a", "target": "A", "transformation": "format_date", "zone": "Mars/Base"} | mappings[1] (target 'A'): format_date: zone 'Mars/Base' is not a time zone id
          bad phone format | {"source": "a", "target": "A", "transformation": "format_phone", "phone_format": "local"} | mappings[1] (target 'A'): format_phone: phone_format must be national or e164
          bad country code | {"source": "a", "target": "A", "transformation": "format_phone", "country_code": "+0091"} | mappings[1] (target 'A'): format_phone: country_code must be 1 to 3 digits, such as 91
          separator not text | {"source": ["a", "b"], "target": "A", "transformation": "concat", "separator": 1} | mappings[1] (target 'A'): concat: 'separator' must be text
          empty split separator | {"source": "a", "target": "A", "transformation": "split", "separator": ""} | mappings[1] (target 'A'): split: 'separator' must be non-empty text
          entry not an object | "a" | mappings[1]: must be an object with a source and a target
          duplicate target | {"source": "b", "target": "OK"} | mappings[1] (target 'OK'): the target is already written by mappings[0]
          """)
  void eachProblemNamesTheEntry(String what, String entryJson, String expected) {
    assertThat(problemOf(entryJson)).as(what).isEqualTo(expected);
  }

  @Test
  void everyProblemIsCollectedAtOnce() {
    MappingDeclarationException e =
        compileError(
            """
            {"mappings": [
              {"source": "a", "target": "A", "transformation": "lowercas"},
              {"source": "b", "target": "B", "validation": {"pattern": "(["}},
              {"source": "c", "target": "C", "transformation": "concat"},
              {"source": "d", "transformation": "lookup"},
              {"source": "e", "target": "E", "transformation": "trim"}
            ]}
            """);
    assertThat(e.problems())
        .hasSize(5)
        .anySatisfy(
            p -> assertThat(p).startsWith("mappings[0] (target 'A'): unknown transformation"))
        .anySatisfy(
            p -> assertThat(p).startsWith("mappings[1] (target 'B'): validation pattern does not"))
        .anySatisfy(p -> assertThat(p).startsWith("mappings[2] (target 'C'): concat needs"))
        .anySatisfy(p -> assertThat(p).startsWith("mappings[3] (no target): has no target"))
        .anySatisfy(
            p -> assertThat(p).startsWith("mappings[3] (no target): lookup needs a 'table'"));
    assertThat(e.getMessage()).startsWith("Invalid field mapping 'broken' (5 problems)");
  }

  @Test
  void singleFieldFormNamesTheMapping() {
    MappingDeclarationException e =
        compileError(
            """
            {"source_field": "customer_email", "target_field": "email",
             "transformation": "lowercase", "required": true,
             "validation": {"type": "email", "pattern": "^[a-z"}}
            """);
    assertThat(e.problems())
        .containsExactly(
            "mapping (target 'email'): validation pattern does not compile"
                + " (Unclosed character class near index 4)");
  }

  @Test
  void wholeDeclarationProblems() {
    assertThat(compileError("{\"mappings\": []}").problems())
        .containsExactly("mapping: declares no field");
    assertThat(compileError("[]").problems()).containsExactly("mapping: declares no field");
    assertThat(compileError("{}").problems())
        .containsExactly(
            "mapping: a declaration must be an object with 'mappings', or one field with"
                + " 'source_field' and 'target_field'");
    assertThat(compileError("\"lowercase\"").problems()).hasSize(1);
    assertThat(compileError("{\"mappings\": \"x\"}").problems())
        .containsExactly("mappings: must be a list of field entries");
    assertThat(
            compileError(
                    "{\"mapings\": [], \"mappings\": [{\"source\": \"a\", \"target\": \"A\"}]}")
                .problems())
        .containsExactly("mapings: unknown key (expected mappings)");
    assertThat(compileError("{\"mappings\": [").problems())
        .singleElement()
        .asString()
        .startsWith("mapping: not valid JSON (");
  }

  @Test
  void listOfEntriesNamesEachByIndex() {
    assertThat(compileError("[{\"source\": \"a\"}]").problems())
        .containsExactly(
            "[0] (no target): has no target; set 'target' or 'target_field' to a field name");
  }

  @Test
  void treeDeclarationsNameTheirLocation() {
    MappingDeclarationException e =
        catchThrowableOfType(
            MappingDeclarationException.class,
            () ->
                FieldMapping.fromTree(
                    "crm",
                    Map.of("mappings", List.of(Map.of("source", "a", "target", "A", "x", 1)))));
    assertThat(e.problems()).containsExactly("mappings[0] (target 'A'): unknown key 'x'");
    assertThat(e.getMessage()).startsWith("Invalid field mapping 'crm' (1 problem)");
  }
}
