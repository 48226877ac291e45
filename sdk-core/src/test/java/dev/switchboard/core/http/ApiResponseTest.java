package dev.switchboard.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Headers of an answer: looked up in any case, detached from the map they were built from. */
class ApiResponseTest {

  @Test
  void headersFromAnyMapAreCaseInsensitiveReadOnlyCopies() {
    Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, List<String>> plain = new LinkedHashMap<>();
    for (Map<String, List<String>> given : List.of(sorted, plain)) {
      List<String> values = new ArrayList<>(List.of("30"));
      given.put("Retry-After", values);
      given.put("content-type", new ArrayList<>(List.of("application/json")));
      ApiResponse response = new ApiResponse(429, given, null, 1);

      values.set(0, "changed");
      given.put("X-Later", List.of("x"));

      assertThat(response.header("retry-after")).contains("30");
      assertThat(response.header("CONTENT-TYPE")).contains("application/json");
      assertThat(response.headers()).containsOnlyKeys("Retry-After", "content-type");
      assertThatThrownBy(() -> response.headers().get("Retry-After").add("1"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> response.headers().put("a", List.of()))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(response.body()).isEmpty();
    }
  }
}
