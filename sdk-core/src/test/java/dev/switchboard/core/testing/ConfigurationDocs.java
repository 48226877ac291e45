package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that every property in a module's generated configuration metadata has a description and
 * is listed in {@code docs/configuration.md}, so the reference cannot fall behind the code.
 */
public final class ConfigurationDocs {

  private ConfigurationDocs() {}

  /** Asserts the module under test (the working directory) documents every property it declares. */
  public static void assertEveryPropertyDocumented() {
    Path metadata = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    assertThat(metadata).as("generated metadata of " + Path.of("").toAbsolutePath()).exists();
    try {
      JsonNode root = Json.mapper().readTree(metadata.toFile());
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
