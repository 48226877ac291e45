package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void everySamplePayloadIsValidJson() throws Exception {
    for (String name : Fixtures.NAMES) {
      assertThat(Json.mapper().readTree(Fixtures.payload(name)).isObject()).as(name).isTrue();
    }
  }

  @Test
  void theCopiesMatchTheReferenceFolder() throws Exception {
    Path reference = Fixtures.referenceDir().orElse(null);
    Assumptions.assumeTrue(reference != null, "no shared/payloads beside this checkout");
    try (Stream<Path> files = Files.list(reference)) {
      var names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).containsExactlyInAnyOrderElementsOf(Fixtures.NAMES);
      for (String name : names) {
        assertThat(Fixtures.payload(name))
            .as(name)
            .isEqualTo(Files.readAllBytes(reference.resolve(name)));
      }
    }
  }
}
