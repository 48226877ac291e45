package dev.switchboard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.Json;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void everySamplePayloadIsValidJson() throws Exception {
    try (Stream<java.nio.file.Path> files = Files.list(Fixtures.payloadDir())) {
      var names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(6);
      for (String name : names) {
        assertThat(Json.mapper().readTree(Fixtures.payload(name)).isObject()).as(name).isTrue();
      }
    }
  }
}
