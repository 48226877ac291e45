package dev.switchboard.core.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.mapping.MappingDeclarationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a mapping declaration (a tree of maps, lists and scalars, as read from JSON, from
 * Spring's {@code Binder} or built by {@link dev.switchboard.core.mapping.FieldMapping#builder})
 * into a {@link CompiledMapping}, collecting every problem of the declaration before failing.
 *
 * <p>Spring's {@code Binder} gives lists as maps keyed {@code "0"}, {@code "1"}...: wherever the
 * language expects a list, such a map is read as one.
 */
public final class MappingCompiler {

  /** The transformations, and the options each takes. */
  static final Map<String, Set<String>> TRANSFORMATIONS;

  static {
    Map<String, Set<String>> known = new LinkedHashMap<>();
    known.put("lowercase", Set.of());
    known.put("uppercase", Set.of());
    known.put("trim", Set.of());
    known.put("format_date", Set.of("input_pattern", "output_pattern", "zone"));
    known.put("format_phone", Set.of("phone_format", "country_code"));
    known.put("concat", Set.of("separator"));
    known.put("split", Set.of("separator"));
    known.put("lookup", Set.of("table", "default", "ignore_case"));
    TRANSFORMATIONS = Collections.unmodifiableMap(known);
  }

  private static final Set<String> OPTIONS = new LinkedHashSet<>();

  static {
    TRANSFORMATIONS.values().forEach(OPTIONS::addAll);
  }

  private static final Set<String> ENTRY_KEYS =
      Set.of(
          "source",
          "source_field",
          "target",
          "target_field",
          "transformation",
          "required",
          "validation",
          "description");

  private static final Set<String> TOP_KEYS = Set.of("mappings", "name", "description");

  private static final Set<String> VALIDATION_KEYS = Set.of("type", "pattern");

  private static final String DEFAULT_CONCAT_SEPARATOR = " ";
  private static final String DEFAULT_SPLIT_SEPARATOR = ",";

  private MappingCompiler() {}

  /**
   * Compiles a declaration.
   *
   * @param name the mapping's name, for messages and results
   * @param location where the declaration comes from, prefixed to every problem (a Spring property
   *     path such as {@code switchboard.mappings.leads}), or empty
   * @param declaration the declaration: a map (list form with {@code mappings}, or single-field
   *     form), a list of field entries, or a Jackson tree of either
   * @return the compiled mapping
   * @throws MappingDeclarationException listing every problem of the declaration
   */
  public static CompiledMapping compile(String name, String location, Object declaration) {
    List<String> problems = new ArrayList<>();
    List<CompiledField> fields = new ArrayList<>();
    Object tree = declaration instanceof JsonNode node ? plain(node) : declaration;
    String prefix = location == null || location.isEmpty() ? "" : location + ".";
    List<Object> entries = null;
    List<String> labels = new ArrayList<>();
    if (tree instanceof Map<?, ?> map && map.containsKey("mappings")) {
      for (Object key : map.keySet()) {
        if (!TOP_KEYS.contains(String.valueOf(key))) {
          problems.add(prefix + key + ": unknown key (expected mappings)");
        }
      }
      entries = asList(map.get("mappings"));
      if (entries == null) {
        problems.add(prefix + "mappings: must be a list of field entries");
      } else {
        for (int i = 0; i < entries.size(); i++) {
          labels.add(prefix + "mappings[" + i + "]");
        }
      }
    } else if (tree instanceof Map<?, ?> map && !map.isEmpty()) {
      entries = List.of(map);
      labels.add(location == null || location.isEmpty() ? "mapping" : location);
    } else if (asList(tree) != null) {
      entries = asList(tree);
      for (int i = 0; i < entries.size(); i++) {
        labels.add(prefix + "[" + i + "]");
      }
    } else {
      problems.add(
          (location == null || location.isEmpty() ? "mapping" : location)
              + ": a declaration must be an object with 'mappings', or one field with"
              + " 'source_field' and 'target_field'");
    }
    if (entries != null && entries.isEmpty()) {
      problems.add(
          (location == null || location.isEmpty() ? "mapping" : location) + ": declares no field");
    }
    if (entries != null) {
      Map<String, String> targets = new LinkedHashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        CompiledField field = compileEntry(labels.get(i), entries.get(i), problems);
        if (field != null) {
          String earlier = targets.putIfAbsent(field.target(), labels.get(i));
          if (earlier != null) {
            problems.add(
                labels.get(i)
                    + " (target '"
                    + field.target()
                    + "'): the target is already written by "
                    + earlier);
          }
          fields.add(field);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new MappingDeclarationException("field mapping '" + name + "'", problems);
    }
    return new CompiledMapping(name, fields);
  }

  private static CompiledField compileEntry(String label, Object raw, List<String> problems) {
    if (!(raw instanceof Map<?, ?> rawEntry)) {
      problems.add(label + ": must be an object with a source and a target");
      return null;
    }
    Map<String, Object> entry = stringKeys(rawEntry);
    int before = problems.size();

    Object targetValue = either(entry, "target", "target_field", label, problems);
    String target = targetValue instanceof String text && !text.isBlank() ? text : null;
    String where = target == null ? label + " (no target)" : label + " (target '" + target + "')";
    if (target == null) {
      problems.add(where + ": has no target; set 'target' or 'target_field' to a field name");
    }
    for (String key : entry.keySet()) {
      if (!ENTRY_KEYS.contains(key) && !OPTIONS.contains(key)) {
        problems.add(where + ": unknown key '" + key + "'");
      }
    }

    List<SourcePath> sources = sources(entry, where, label, problems);
    Set<String> usedSiblings = new HashSet<>();
    List<Step> steps = new ArrayList<>();
    List<Object> specs = transformationSpecs(entry.get("transformation"), where, problems);
    int concatAt = -1;
    for (int i = 0; i < specs.size(); i++) {
      if ("concat".equals(specName(specs.get(i)))) {
        concatAt = concatAt < 0 ? i : concatAt;
        if (i > 0) {
          problems.add(where + ": concat must be the first transformation");
        }
      }
      Step step = compileStep(specs.get(i), entry, usedSiblings, where, problems);
      if (step != null) {
        steps.add(step);
      }
    }
    for (String key : entry.keySet()) {
      if (OPTIONS.contains(key) && !usedSiblings.contains(key)) {
        problems.add(where + ": option '" + key + "' is not used by any of its transformations");
      }
    }
    boolean concatFirst = concatAt == 0;
    boolean hasConcat = concatAt >= 0;
    if (sources != null && sources.size() > 1 && !hasConcat) {
      problems.add(
          where
              + ": has "
              + sources.size()
              + " sources, so its first transformation must be concat");
    }
    if (sources != null && sources.size() < 2 && concatFirst) {
      problems.add(where + ": concat needs at least two sources (source: [first, second])");
    }

    boolean required = bool(entry.get("required"), false, where, "required", problems);
    List<Check> checks = new ArrayList<>();
    Object validation = entry.get("validation");
    List<Object> validations = asList(validation);
    for (Object one : validations != null ? validations : listOf(validation)) {
      if (one != null && compileValidation(one, where, checks, problems)) {
        required = true;
      }
    }
    if (problems.size() > before || sources == null) {
      return null;
    }
    return new CompiledField(target, sources, steps, required, checks);
  }

  private static List<Object> listOf(Object value) {
    List<Object> one = new ArrayList<>();
    one.add(value);
    return one;
  }

  private static Object either(
      Map<String, Object> entry, String key, String alias, String label, List<String> problems) {
    if (entry.containsKey(key) && entry.containsKey(alias)) {
      problems.add(label + ": give either '" + key + "' or '" + alias + "', not both");
    }
    return entry.containsKey(key) ? entry.get(key) : entry.get(alias);
  }

  private static List<SourcePath> sources(
      Map<String, Object> entry, String where, String label, List<String> problems) {
    Object raw = either(entry, "source", "source_field", where, problems);
    List<Object> names = raw instanceof String ? List.of(raw) : asList(raw);
    if (names == null || names.isEmpty()) {
      problems.add(
          where + ": has no source; set 'source' (a path or a list of paths) or 'source_field'");
      return null;
    }
    List<SourcePath> paths = new ArrayList<>();
    for (Object name : names) {
      if (!(name instanceof String text)) {
        problems.add(where + ": a source must be a path such as customer.email");
        continue;
      }
      try {
        paths.add(SourcePath.parse(text));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    return paths.size() == names.size() ? paths : null;
  }

  private static List<Object> transformationSpecs(Object raw, String where, List<String> problems) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof String text) {
      List<Object> names = new ArrayList<>();
      for (String name : text.split(",", -1)) {
        names.add(Text.strip(name));
      }
      return names;
    }
    if (raw instanceof Map<?, ?> map && !isIndexed(map)) {
      return List.of(map);
    }
    List<Object> list = asList(raw);
    if (list == null) {
      problems.add(where + ": 'transformation' must be a name, an object or a list of them");
      return List.of();
    }
    return list;
  }

  private static String specName(Object spec) {
    if (spec instanceof Map<?, ?> map) {
      Object name = map.get("name");
      return name instanceof String text ? text : null;
    }
    return spec instanceof String text ? text : null;
  }

  private static Step compileStep(
      Object spec,
      Map<String, Object> entry,
      Set<String> usedSiblings,
      String where,
      List<String> problems) {
    String name;
    Map<String, Object> own;
    if (spec instanceof String text) {
      name = text;
      own = Map.of();
    } else if (spec instanceof Map<?, ?> map) {
      own = stringKeys(map);
      Object nameValue = own.get("name");
      if (!(nameValue instanceof String text) || text.isBlank()) {
        problems.add(where + ": a transformation object needs a 'name'");
        return null;
      }
      name = text;
    } else {
      problems.add(where + ": a transformation must be a name or an object with a 'name'");
      return null;
    }
    Set<String> accepted = TRANSFORMATIONS.get(name);
    if (accepted == null) {
      problems.add(
          where
              + ": unknown transformation '"
              + name
              + "' (known: "
              + String.join(", ", TRANSFORMATIONS.keySet())
              + ")");
      return null;
    }
    for (String key : own.keySet()) {
      if (!key.equals("name") && !accepted.contains(key)) {
        problems.add(where + ": transformation " + name + " takes no option '" + key + "'");
      }
    }
    Options options = new Options(name, own, entry, accepted, usedSiblings, where, problems);
    int before = problems.size();
    Step step = build(name, options);
    return problems.size() > before ? null : step;
  }

  private static Step build(String name, Options options) {
    switch (name) {
      case "lowercase":
        return TextStep.lowercase();
      case "uppercase":
        return TextStep.uppercase();
      case "trim":
        return TextStep.trim();
      case "concat":
        return new ConcatStep(options.string("separator", DEFAULT_CONCAT_SEPARATOR, true));
      case "split":
        return new SplitStep(options.string("separator", DEFAULT_SPLIT_SEPARATOR, false));
      case "format_date":
        return formatDate(options);
      case "format_phone":
        return formatPhone(options);
      case "lookup":
        return lookup(options);
      default:
        throw new IllegalStateException("no builder for " + name);
    }
  }

  private static Step formatDate(Options options) {
    String input = options.string("input_pattern", null, false);
    String output = options.string("output_pattern", null, false);
    String zone = options.string("zone", null, false);
    try {
      return new FormatDateStep(input, output, zone);
    } catch (IllegalArgumentException e) {
      options.problem("format_date: " + e.getMessage());
      return null;
    }
  }

  private static Step formatPhone(Options options) {
    String form = options.string("phone_format", "national", false);
    String countryCode = options.string("country_code", "91", false);
    FormatPhoneStep.Form parsed = null;
    if (form != null) {
      switch (form.toLowerCase(Locale.ROOT)) {
        case "national":
          parsed = FormatPhoneStep.Form.NATIONAL;
          break;
        case "e164":
        case "e.164":
          parsed = FormatPhoneStep.Form.E164;
          break;
        default:
          options.problem("format_phone: phone_format must be national or e164");
      }
    }
    if (countryCode != null) {
      countryCode = countryCode.startsWith("+") ? countryCode.substring(1) : countryCode;
      if (!countryCode.matches("[1-9][0-9]{0,2}")) {
        options.problem("format_phone: country_code must be 1 to 3 digits, such as 91");
        return null;
      }
    }
    return parsed == null || countryCode == null ? null : new FormatPhoneStep(parsed, countryCode);
  }

  private static Step lookup(Options options) {
    Object rawTable = options.get("table");
    // A table is always a map, even one keyed "0", "1"... (Spring gives lists that way too).
    if (!(rawTable instanceof Map<?, ?> rawMap) || rawMap.isEmpty()) {
      options.problem(
          rawTable == null
              ? "lookup needs a 'table' (an object from value to replacement)"
              : "lookup: 'table' must be a non-empty object from value to replacement");
      return null;
    }
    boolean ignoreCase = options.bool("ignore_case", false);
    Map<String, Object> table = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<?, ?> row : rawMap.entrySet()) {
      String key = String.valueOf(row.getKey());
      if (row.getValue() == null) {
        options.problem("lookup: table entry '" + key + "' has no value");
      } else if (ignoreCase && !seen.add(key.toLowerCase(Locale.ROOT))) {
        options.problem("lookup: table keys '" + key + "' clash when case is ignored");
      } else {
        table.put(key, freeze(row.getValue()));
      }
    }
    boolean hasDefault = options.has("default");
    return new LookupStep(table, ignoreCase, hasDefault, freeze(options.get("default")));
  }

  /** Returns true when the validation is {@code required}. */
  private static boolean compileValidation(
      Object raw, String where, List<Check> checks, List<String> problems) {
    String type;
    String pattern = null;
    if (raw instanceof String text) {
      type = text;
    } else if (raw instanceof Map<?, ?> map) {
      Map<String, Object> object = stringKeys(map);
      for (String key : object.keySet()) {
        if (!VALIDATION_KEYS.contains(key)) {
          problems.add(where + ": unknown validation key '" + key + "' (expected type, pattern)");
        }
      }
      Object typeValue = object.get("type");
      Object patternValue = object.get("pattern");
      if (typeValue != null && !(typeValue instanceof String)
          || patternValue != null && !(patternValue instanceof String)) {
        problems.add(where + ": validation type and pattern must be text");
        return false;
      }
      type = (String) typeValue;
      pattern = (String) patternValue;
      if (type == null && pattern == null) {
        problems.add(where + ": a validation object needs a 'type' or a 'pattern'");
        return false;
      }
    } else {
      problems.add(where + ": 'validation' must be a type name or an object with type and pattern");
      return false;
    }
    String kind = type == null ? "pattern" : type.toLowerCase(Locale.ROOT);
    if (kind.equals("regex")) {
      kind = "pattern";
    }
    if (kind.equals("required")) {
      if (pattern != null) {
        problems.add(where + ": validation required takes no pattern");
      }
      return true;
    }
    if (!Set.of("email", "phone", "pattern").contains(kind)) {
      problems.add(
          where
              + ": unknown validation type '"
              + type
              + "' (known: email, phone, pattern, required)");
      return false;
    }
    if (kind.equals("pattern") && pattern == null) {
      problems.add(where + ": validation pattern needs a 'pattern' (a regular expression)");
      return false;
    }
    String regex = pattern != null ? pattern : kind.equals("email") ? Check.EMAIL : Check.PHONE;
    Pattern compiled;
    try {
      compiled = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(
          where
              + ": validation pattern does not compile ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ")");
      return false;
    }
    checks.add(
        kind.equals("email")
            ? Check.email(compiled)
            : kind.equals("phone") ? Check.phone(compiled) : Check.pattern(compiled));
    return false;
  }

  private static boolean bool(
      Object value, boolean fallback, String where, String key, List<String> problems) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      if (text.equalsIgnoreCase("true")) {
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    problems.add(where + ": '" + key + "' must be true or false");
    return fallback;
  }

  /** Options of one transformation: its own object first, then the entry's sibling keys. */
  private static final class Options {
    private final String transformation;
    private final Map<String, Object> own;
    private final Map<String, Object> entry;
    private final Set<String> accepted;
    private final Set<String> usedSiblings;
    private final String where;
    private final List<String> problems;

    Options(
        String transformation,
        Map<String, Object> own,
        Map<String, Object> entry,
        Set<String> accepted,
        Set<String> usedSiblings,
        String where,
        List<String> problems) {
      this.transformation = transformation;
      this.own = own;
      this.entry = entry;
      this.accepted = accepted;
      this.usedSiblings = usedSiblings;
      this.where = where;
      this.problems = problems;
    }

    boolean has(String key) {
      if (own.containsKey(key)) {
        return true;
      }
      if (accepted.contains(key) && entry.containsKey(key)) {
        usedSiblings.add(key);
        return true;
      }
      return false;
    }

    Object get(String key) {
      if (own.containsKey(key)) {
        return own.get(key);
      }
      if (entry.containsKey(key)) {
        usedSiblings.add(key);
        return entry.get(key);
      }
      return null;
    }

    String string(String key, String fallback, boolean emptyAllowed) {
      Object value = get(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof String text) || !emptyAllowed && text.isEmpty()) {
        problem(
            transformation
                + ": '"
                + key
                + "' must be "
                + (emptyAllowed ? "" : "non-empty ")
                + "text");
        return null;
      }
      return text;
    }

    boolean bool(String key, boolean fallback) {
      return MappingCompiler.bool(get(key), fallback, where, key, problems);
    }

    void problem(String message) {
      problems.add(where + ": " + message);
    }
  }

  /**
   * The keys of an entry, transformation or validation object as text, kebab-case read as
   * snake_case ({@code source-field} is {@code source_field}), as Spring users write them.
   */
  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((key, value) -> out.put(String.valueOf(key).replace('-', '_'), value));
    return out;
  }

  /** Whether a map is a list as Spring's Binder gives it: keys 0..n-1. */
  private static boolean isIndexed(Map<?, ?> map) {
    if (map.isEmpty()) {
      return false;
    }
    for (int i = 0; i < map.size(); i++) {
      if (!map.containsKey(String.valueOf(i))) {
        return false;
      }
    }
    return true;
  }

  /** A list, or a map keyed 0..n-1 read in index order; null for anything else. */
  static List<Object> asList(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof Object[] array) {
      return new ArrayList<>(List.of(array));
    }
    if (value instanceof Map<?, ?> map && isIndexed(map)) {
      List<Object> list = new ArrayList<>();
      new TreeMap<>(stringKeysByIndex(map)).forEach((index, element) -> list.add(element));
      return list;
    }
    return null;
  }

  private static Map<Integer, Object> stringKeysByIndex(Map<?, ?> map) {
    Map<Integer, Object> byIndex = new LinkedHashMap<>();
    map.forEach((key, value) -> byIndex.put(Integer.parseInt(String.valueOf(key)), value));
    return byIndex;
  }

  /** A deep, unmodifiable copy of a declared value (so the compiled mapping shares nothing). */
  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, element) -> copy.put(String.valueOf(key), freeze(element)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(element -> copy.add(freeze(element)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static Object plain(JsonNode node) {
    return Json.mapper().convertValue(node, Object.class);
  }
}
