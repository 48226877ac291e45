package dev.switchboard.benchmarks.jmh;

import dev.switchboard.core.mapping.FieldMapping;
import dev.switchboard.core.mapping.MappingResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Field mapping: the WorkFlux document's example mapping (list form: trim, lowercase with email
 * validation, concat), compiled once and applied to a row, against the same three fields written by
 * hand in Java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBenchmark {

  /** The document's example, as docs/field-mapping.md quotes it. */
  static final String DOCUMENT_EXAMPLE =
      "{\"mappings\": ["
          + "{\"source\": \"first_name\", \"target\": \"FirstName\", \"transformation\": \"trim\"},"
          + "{\"source\": \"email\", \"target\": \"Email\", \"transformation\": \"lowercase\","
          + " \"validation\": \"email\"},"
          + "{\"source\": [\"first_name\", \"last_name\"], \"target\": \"FullName\","
          + " \"transformation\": \"concat\", \"separator\": \" \"}"
          + "]}";

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  FieldMapping mapping;
  Map<String, Object> row;

  /** Compiles the mapping and builds the row. */
  @Setup
  public void setUp() {
    mapping = FieldMapping.fromJson(DOCUMENT_EXAMPLE);
    row = new LinkedHashMap<>();
    row.put("first_name", "  Asha ");
    row.put("last_name", "Rao");
    row.put("email", "Asha.Rao@Example.com");
    row.put("city", "Pune");
    MappingResult check = mapping.apply(row);
    if (!check.isValid() || !check.values().equals(byHand())) {
      throw new IllegalStateException(
          "the mapping and the hand-written code disagree: " + check.values() + " vs " + byHand());
    }
  }

  /**
   * The SDK: the compiled mapping applied to the row.
   *
   * @return the result
   */
  @Benchmark
  public MappingResult sdkMapping() {
    return mapping.apply(row);
  }

  /**
   * The baseline: the same three fields by hand.
   *
   * @return the values
   */
  @Benchmark
  public Map<String, Object> byHand() {
    Map<String, Object> out = new LinkedHashMap<>();
    Object first = row.get("first_name");
    String firstName = first == null ? null : first.toString().trim();
    out.put("FirstName", firstName);
    Object email = row.get("email");
    String lower = email == null ? null : email.toString().toLowerCase(Locale.ROOT);
    if (lower == null || !EMAIL.matcher(lower).matches()) {
      throw new IllegalArgumentException("Email: not a valid email address");
    }
    out.put("Email", lower);
    Object last = row.get("last_name");
    out.put("FullName", firstName + " " + (last == null ? "" : last.toString().trim()));
    return out;
  }
}
