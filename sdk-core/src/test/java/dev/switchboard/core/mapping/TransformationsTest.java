package dev.switchboard.core.mapping;

import static dev.switchboard.core.mapping.MappingTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each transformation with ordinary, empty, null, non-ASCII and malformed input. */
class TransformationsTest {

  private Locale before;

  @BeforeEach
  void turkishDefaultLocale() {
    // Case mapping must not follow the JVM's locale: Turkish maps i/I differently.
    before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(before);
  }

  static Object out(MappingResult result) {
    assertThat(result.errors()).isEmpty();
    return result.values().get("out");
  }

  static MappingError error(MappingResult result) {
    assertThat(result.isValid()).isFalse();
    assertThat(result.values()).doesNotContainKey("out");
    assertThat(result.errors()).hasSize(1);
    MappingError error = result.errors().get(0);
    assertThat(error.target()).isEqualTo("out");
    assertThat(error.source()).isEqualTo("in");
    return error;
  }

  static void absent(MappingResult result) {
    assertThat(result.isValid()).isTrue();
    assertThat(result.values()).doesNotContainKey("out");
  }

  @Nested
  class Lowercase {
    @Test
    void ordinary() {
      assertThat(out(run("\"lowercase\"", "Asha.RAO@Example.COM")))
          .isEqualTo("asha.rao@example.com");
      assertThat(out(run("\"lowercase\"", "TITLE"))).isEqualTo("title");
    }

    @Test
    void empty() {
      assertThat(out(run("\"lowercase\"", ""))).isEqualTo("");
    }

    @Test
    void nullPassesThrough() {
      absent(run("\"lowercase\"", null));
    }

    @Test
    void nonAsciiIsLocaleIndependent() {
      assertThat(out(run("\"lowercase\"", "ÀÉÎ ΣΑΣ İ"))).isEqualTo("àéî σας i\u0307");
      assertThat(out(run("\"lowercase\"", "आशा"))).isEqualTo("आशा");
    }

    @Test
    void malformed() {
      assertThat(out(run("\"lowercase\"", 42))).isEqualTo("42");
      MappingError error = error(run("\"lowercase\"", Map.of("a", "B")));
      assertThat(error.reason()).isEqualTo(MappingError.Reason.TRANSFORMATION_FAILED);
      assertThat(error.message()).isEqualTo("lowercase needs text, got an object");
    }
  }

  @Nested
  class Uppercase {
    @Test
    void ordinary() {
      assertThat(out(run("\"uppercase\"", "title"))).isEqualTo("TITLE");
    }

    @Test
    void empty() {
      assertThat(out(run("\"uppercase\"", ""))).isEqualTo("");
    }

    @Test
    void nullPassesThrough() {
      absent(run("\"uppercase\"", null));
    }

    @Test
    void nonAscii() {
      assertThat(out(run("\"uppercase\"", "straße ı"))).isEqualTo("STRASSE I");
      assertThat(out(run("\"uppercase\"", "मुंबई"))).isEqualTo("मुंबई");
    }

    @Test
    void malformed() {
      assertThat(out(run("\"uppercase\"", true))).isEqualTo("TRUE");
      assertThat(error(run("\"uppercase\"", Map.of("a", 1))).message())
          .isEqualTo("uppercase needs text, got an object");
    }
  }

  @Nested
  class Trim {
    @Test
    void ordinary() {
      assertThat(out(run("\"trim\"", "  Asha Rao \t\n"))).isEqualTo("Asha Rao");
    }

    @Test
    void empty() {
      assertThat(out(run("\"trim\"", ""))).isEqualTo("");
      assertThat(out(run("\"trim\"", "   "))).isEqualTo("");
    }

    @Test
    void nullPassesThrough() {
      absent(run("\"trim\"", null));
    }

    @Test
    void stripsUnicodeSpaces() {
      // no-break space, em space, ideographic space, zero-width space, byte order mark
      assertThat(out(run("\"trim\"", "\u00A0\u2003आशा राव\u3000\u200B\uFEFF")))
          .isEqualTo("आशा राव");
    }

    @Test
    void malformed() {
      assertThat(out(run("\"trim\"", 1.50))).isEqualTo("1.5");
      assertThat(error(run("\"trim\"", Map.of("a", 1))).message())
          .isEqualTo("trim needs text, got an object");
    }
  }

  @Nested
  class FormatDate {
    static final String REWRITE =
        "{\"name\": \"format_date\", \"input_pattern\": \"dd/MM/yyyy\","
            + " \"output_pattern\": \"yyyy-MM-dd\"}";

    @Test
    void ordinaryWithPatterns() {
      assertThat(out(run(REWRITE, "05/03/2024"))).isEqualTo("2024-03-05");
    }

    @Test
    void isoByDefault() {
      assertThat(out(run("\"format_date\"", "2024-03-05"))).isEqualTo("2024-03-05");
      assertThat(out(run("\"format_date\"", "2024-03-05T10:15:30")))
          .isEqualTo("2024-03-05T10:15:30");
      assertThat(out(run("\"format_date\"", "2024-03-05T10:15:00+05:30")))
          .isEqualTo("2024-03-05T10:15:00+05:30");
      // Flowforge's zone-less "yyyy-MM-dd HH:mm:ss" reads as ISO too
      assertThat(out(run("\"format_date\"", "2024-03-05 10:15:30")))
          .isEqualTo("2024-03-05T10:15:30");
    }

    @Test
    void javaTimeValues() {
      String toDay = "{\"name\": \"format_date\", \"output_pattern\": \"dd/MM/yyyy\"}";
      assertThat(out(run(toDay, LocalDate.of(2024, 3, 5)))).isEqualTo("05/03/2024");
      assertThat(out(run(toDay, LocalDateTime.of(2024, 3, 5, 23, 0)))).isEqualTo("05/03/2024");
      assertThat(out(run(toDay, OffsetDateTime.of(2024, 3, 5, 1, 0, 0, 0, ZoneOffset.ofHours(5)))))
          .isEqualTo("05/03/2024");
      assertThat(
              out(run(toDay, ZonedDateTime.of(2024, 3, 5, 1, 0, 0, 0, ZoneId.of("Asia/Kolkata")))))
          .isEqualTo("05/03/2024");
      // Instants are shown in UTC unless a zone is given
      Instant lateEvening = Instant.parse("2024-03-05T20:00:00Z");
      assertThat(out(run(toDay, lateEvening))).isEqualTo("05/03/2024");
      String inKolkata =
          "{\"name\": \"format_date\", \"output_pattern\": \"dd/MM/yyyy\","
              + " \"zone\": \"Asia/Kolkata\"}";
      assertThat(out(run(inKolkata, lateEvening))).isEqualTo("06/03/2024");
      assertThat(out(run(inKolkata, Date.from(lateEvening)))).isEqualTo("06/03/2024");
      assertThat(out(run("\"format_date\"", lateEvening))).isEqualTo("2024-03-05T20:00:00Z");
      assertThat(out(run("\"format_date\"", LocalDate.of(2024, 3, 5)))).isEqualTo("2024-03-05");
    }

    @Test
    void empty() {
      absent(run(REWRITE, ""));
      absent(run(REWRITE, "  "));
    }

    @Test
    void nullPassesThrough() {
      absent(run(REWRITE, null));
    }

    @Test
    void nonAscii() {
      String words =
          "{\"name\": \"format_date\", \"input_pattern\": \"d MMM yyyy\","
              + " \"output_pattern\": \"yyyy-MM-dd\"}";
      assertThat(out(run(words, "5 Mar 2024"))).isEqualTo("2024-03-05");
      // Devanagari digits are not read as a date: an error, not a guess
      assertThat(error(run(REWRITE, "०५/०३/२०२४")).message())
          .isEqualTo("format_date could not read a date in the pattern dd/MM/yyyy");
    }

    @Test
    void malformedIsAnErrorNotAGuess() {
      assertThat(error(run(REWRITE, "31/02/2024")).reason())
          .isEqualTo(MappingError.Reason.TRANSFORMATION_FAILED);
      assertThat(error(run(REWRITE, "2024-03-05")).message())
          .isEqualTo("format_date could not read a date in the pattern dd/MM/yyyy");
      assertThat(error(run("\"format_date\"", "yesterday")).message())
          .isEqualTo("format_date could not read an ISO-8601 date or date-time");
      assertThat(error(run("\"format_date\"", 20240305)).message())
          .isEqualTo("format_date needs a date, got a number");
      String withTime = "{\"name\": \"format_date\", \"output_pattern\": \"yyyy-MM-dd HH:mm\"}";
      assertThat(error(run(withTime, "2024-03-05")).message())
          .isEqualTo("format_date output pattern yyyy-MM-dd HH:mm needs fields the value lacks");
    }
  }

  @Nested
  class FormatPhone {
    @Test
    void ordinaryToTenDigits() {
      for (String number :
          List.of(
              "9876543210",
              "+91 98765 43210",
              "+91-98765-43210",
              "(+91) 98765.43210",
              "919876543210",
              "09876543210",
              "0091 98765 43210",
              " 98765-43210 ")) {
        assertThat(out(run("\"format_phone\"", number))).as(number).isEqualTo("9876543210");
      }
      assertThat(out(run("\"format_phone\"", 9876543210L))).isEqualTo("9876543210");
    }

    @Test
    void toE164() {
      String e164 = "{\"name\": \"format_phone\", \"phone_format\": \"e164\"}";
      assertThat(out(run(e164, "098765 43210"))).isEqualTo("+919876543210");
      assertThat(out(run(e164, "+91 98765 43210"))).isEqualTo("+919876543210");
      assertThat(out(run(e164, "+1 (415) 555-2671"))).isEqualTo("+14155552671");
      String us =
          "{\"name\": \"format_phone\", \"phone_format\": \"e164\", \"country_code\": \"1\"}";
      assertThat(out(run(us, "(415) 555-2671"))).isEqualTo("+14155552671");
    }

    @Test
    void empty() {
      absent(run("\"format_phone\"", ""));
      absent(run("\"format_phone\"", " - "));
    }

    @Test
    void nullPassesThrough() {
      absent(run("\"format_phone\"", null));
    }

    @Test
    void nonAsciiDigitsAndSpaces() {
      assertThat(out(run("\"format_phone\"", "+९१ ९८७६५ ४३२१०"))).isEqualTo("9876543210");
      assertThat(out(run("\"format_phone\"", "９８７６５\u00A0４３２１０"))).isEqualTo("9876543210");
    }

    @Test
    void malformed() {
      assertThat(error(run("\"format_phone\"", "98765abc10")).message())
          .isEqualTo("format_phone found a character that is not part of a number");
      assertThat(error(run("\"format_phone\"", "12345")).message())
          .isEqualTo("format_phone needs a 10-digit number (+91)");
      assertThat(error(run("\"format_phone\"", "+1 415 555 2671")).message())
          .isEqualTo("format_phone needs a 10-digit number (+91)");
      assertThat(error(run("\"format_phone\"", "+")).message())
          .isEqualTo("format_phone found no digits");
      assertThat(error(run("\"format_phone\"", "98765432109")).reason())
          .isEqualTo(MappingError.Reason.TRANSFORMATION_FAILED);
    }

    @Test
    void theNumberIsNeverInTheMessage() {
      MappingError error = error(run("\"format_phone\"", "98765 4321"));
      assertThat(error.describe()).doesNotContain("98765").doesNotContain("4321");
    }
  }

  @Nested
  class Concat {
    static FieldMapping names(String separator) {
      return FieldMapping.fromJson(
          "{\"source\": [\"first\", \"middle\", \"last\"], \"target\": \"out\","
              + " \"transformation\": \"concat\", \"separator\": \""
              + separator
              + "\"}");
    }

    static MappingResult apply(FieldMapping mapping, Object first, Object middle, Object last) {
      Map<String, Object> record = new java.util.HashMap<>();
      record.put("first", first);
      record.put("middle", middle);
      record.put("last", last);
      return mapping.apply(record);
    }

    @Test
    void ordinary() {
      assertThat(out(apply(names(" "), "Asha", "K", "Rao"))).isEqualTo("Asha K Rao");
      assertThat(out(apply(names(", "), "Asha", "K", "Rao"))).isEqualTo("Asha, K, Rao");
    }

    @Test
    void skipsEmptyAndBlankPartsWithoutDoubledSeparators() {
      assertThat(out(apply(names(" "), "Asha", "", "Rao"))).isEqualTo("Asha Rao");
      assertThat(out(apply(names("-"), "", " ", "Rao"))).isEqualTo("Rao");
      assertThat(out(apply(names("-"), " Asha ", "\u00A0", null))).isEqualTo("Asha");
      absent(apply(names(" "), "", " ", ""));
    }

    @Test
    void nullAndMissingParts() {
      assertThat(out(apply(names(" "), "Asha", null, "Rao"))).isEqualTo("Asha Rao");
      absent(apply(names(" "), null, null, null));
      assertThat(out(names(" ").apply(Map.of("last", "Rao")))).isEqualTo("Rao");
    }

    @Test
    void nonAscii() {
      assertThat(out(apply(names(" · "), "आशा", null, "राव"))).isEqualTo("आशा · राव");
    }

    @Test
    void malformed() {
      assertThat(out(apply(names(" "), "Flat", 7, "B"))).isEqualTo("Flat 7 B");
      MappingResult result = apply(names(" "), "Asha", List.of("x"), "Rao");
      assertThat(result.errors()).hasSize(1);
      assertThat(result.errors().get(0).source()).isEqualTo("first, middle, last");
      assertThat(result.errors().get(0).message())
          .isEqualTo("concat needs text in every source, got a list");
    }
  }

  @Nested
  class Split {
    static final String COMMA = "\"split\"";

    @Test
    void ordinary() {
      assertThat(out(run(COMMA, "red, green,,blue ,"))).isEqualTo(List.of("red", "green", "blue"));
      assertThat(out(run("{\"name\": \"split\", \"separator\": \" | \"}", "a | b|c | d")))
          .isEqualTo(List.of("a", "b|c", "d"));
    }

    @Test
    void separatorIsLiteralNotARegex() {
      assertThat(out(run("{\"name\": \"split\", \"separator\": \".\"}", "a.b.c")))
          .isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void empty() {
      absent(run(COMMA, ""));
      absent(run(COMMA, "  "));
      assertThat(out(run(COMMA, ",,"))).isEqualTo(List.of());
    }

    @Test
    void nullPassesThrough() {
      absent(run(COMMA, null));
    }

    @Test
    void nonAscii() {
      assertThat(out(run("{\"name\": \"split\", \"separator\": \"।\"}", "क।ख। ग")))
          .isEqualTo(List.of("क", "ख", "ग"));
    }

    @Test
    void malformed() {
      assertThat(out(run(COMMA, List.of("already", "a list"))))
          .isEqualTo(List.of("already", "a list"));
      assertThat(error(run(COMMA, Map.of("a", 1))).message())
          .isEqualTo("split needs text, got an object");
    }
  }

  @Nested
  class Lookup {
    static final String TIERS =
        "{\"name\": \"lookup\", \"table\": {\"gold\": \"G\", \"silver\": \"S\", \"1\": \"ONE\","
            + " \"मुंबई\": \"BOM\"}}";
    static final String TIERS_WITH_DEFAULT =
        "{\"name\": \"lookup\", \"table\": {\"gold\": \"G\"}, \"default\": \"STANDARD\"}";

    @Test
    void ordinary() {
      assertThat(out(run(TIERS, "gold"))).isEqualTo("G");
      assertThat(out(run(TIERS, 1))).isEqualTo("ONE");
    }

    @Test
    void missWithoutDefaultIsAnError() {
      MappingError error = error(run(TIERS, "platinum"));
      assertThat(error.reason()).isEqualTo(MappingError.Reason.LOOKUP_MISS);
      assertThat(error.message()).isEqualTo("the value has no entry in the lookup table");
      assertThat(error.describe()).doesNotContain("platinum");
    }

    @Test
    void missWithDefault() {
      assertThat(out(run(TIERS_WITH_DEFAULT, "platinum"))).isEqualTo("STANDARD");
      assertThat(out(run(TIERS_WITH_DEFAULT, "gold"))).isEqualTo("G");
    }

    @Test
    void caseIsSignificantUnlessIgnored() {
      assertThat(error(run(TIERS, "GOLD")).reason()).isEqualTo(MappingError.Reason.LOOKUP_MISS);
      String ignoring = TIERS.replace("\"lookup\",", "\"lookup\", \"ignore_case\": true,");
      assertThat(out(run(ignoring, "GOLD"))).isEqualTo("G");
    }

    @Test
    void empty() {
      assertThat(error(run(TIERS, "")).reason()).isEqualTo(MappingError.Reason.LOOKUP_MISS);
      assertThat(out(run(TIERS_WITH_DEFAULT, ""))).isEqualTo("STANDARD");
    }

    @Test
    void nullPassesThrough() {
      absent(run(TIERS, null));
      absent(run(TIERS_WITH_DEFAULT, null));
    }

    @Test
    void nonAscii() {
      assertThat(out(run(TIERS, "मुंबई"))).isEqualTo("BOM");
    }

    @Test
    void malformed() {
      assertThat(error(run(TIERS, Map.of("a", 1))).message())
          .isEqualTo("lookup needs text, got an object");
    }

    @Test
    void mapsEveryElementOfAList() {
      assertThat(out(run("[\"split\", " + TIERS + "]", "gold,silver")))
          .isEqualTo(List.of("G", "S"));
    }
  }
}
