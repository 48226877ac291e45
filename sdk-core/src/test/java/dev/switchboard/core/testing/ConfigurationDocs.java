package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * Checks a module's generated configuration metadata: every property has a description and is
 * listed in {@code docs/configuration.md}, so the reference cannot fall behind the code; and the
 * defaults it states are the ones binding gives, so the IDE cannot show a default the code does not
 * apply.
 */
public final class ConfigurationDocs {

  private ConfigurationDocs() {}

  /** Asserts the module under test (the working directory) documents every property it declares. */
  public static void assertEveryPropertyDocumented() {
    try {
      JsonNode root = metadata();
      String docs = Files.readString(docsFile());
      List<String> names = new ArrayList<>();
      for (JsonNode property : root.path("properties")) {
        String name = property.path("name").asText();
        names.add(name);
        assertThat(property.path("description").asText()).as("description of " + name).isNotBlank();
      }
      assertThat(names).isNotEmpty();
      assertThat(names)
          .as("properties missing from docs/configuration.md")
          .allSatisfy(name -> assertThat(docs).contains("`" + name + "`"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Binds {@code type} under {@code prefix} from an empty environment and asserts, for every
   * property the module's metadata lists under that prefix, that the bound value is the metadata's
   * {@code defaultValue}, or null, false or empty where the metadata states none.
   *
   * @param prefix the properties' prefix, such as {@code workflux}
   * @param type the {@code @ConfigurationProperties} type bound under it
   */
  public static void assertMetadataDefaultsAreBound(String prefix, Class<?> type) {
    Object bound = new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
    List<String> checked = new ArrayList<>();
    for (JsonNode property : metadata().path("properties")) {
      String name = property.path("name").asText();
      if (!name.startsWith(prefix + ".")) {
        continue;
      }
      Object value = valueAt(bound, name.substring(prefix.length() + 1), name);
      JsonNode stated = property.get("defaultValue");
      if (stated == null || stated.isNull()) {
        assertThat(value == null || Boolean.FALSE.equals(value) || isEmpty(value))
            .as("%s states no default but binds to %s", name, value)
            .isTrue();
      } else if (stated.isArray()) {
        List<String> expected = new ArrayList<>();
        stated.forEach(element -> expected.add(element.asText()));
        assertThat(value).as(name).isInstanceOf(Collection.class);
        assertThat(((Collection<?>) value).stream().map(String::valueOf).toList())
            .as(name)
            .isEqualTo(expected);
      } else {
        assertThat(value)
            .as("%s states a default of %s but binds to null", name, stated)
            .isNotNull();
        Object scalar = Json.mapper().convertValue(stated, Object.class);
        Object expected =
            ApplicationConversionService.getSharedInstance().convert(scalar, value.getClass());
        assertThat(value).as(name).isEqualTo(expected);
      }
      checked.add(name);
    }
    assertThat(checked).as("metadata properties under " + prefix).isNotEmpty();
  }

  /**
   * The value of a dotted, kebab-case path below {@code root}, through record or bean accessors.
   */
  private static Object valueAt(Object root, String path, String name) {
    Object value = root;
    for (String segment : path.split("\\.")) {
      assertThat(value).as("the group holding " + name).isNotNull();
      value = read(value, camelCase(segment), name);
    }
    return value;
  }

  private static Object read(Object target, String property, String name) {
    String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String accessor : List.of(property, "get" + capitalised, "is" + capitalised)) {
      try {
        Method method = target.getClass().getMethod(accessor);
        return method.invoke(target);
      } catch (NoSuchMethodException e) {
        // try the next accessor form
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("reading " + name, e);
      }
    }
    throw new AssertionError(name + ": no accessor for " + property + " on " + target.getClass());
  }

  private static String camelCase(String kebab) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static boolean isEmpty(Object value) {
    return (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  private static JsonNode metadata() {
    Path metadata = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    assertThat(metadata).as("generated metadata of " + Path.of("").toAbsolutePath()).exists();
    try {
      return Json.mapper().readTree(metadata.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path docsFile() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve("configuration.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "No docs/configuration.md above " + Path.of("").toAbsolutePath());
  }
}
