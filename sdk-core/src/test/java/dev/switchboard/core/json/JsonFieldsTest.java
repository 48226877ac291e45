package dev.switchboard.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

  static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void textKeepsTheTextOfScalarsAndDropsContainers() throws Exception {
    JsonNode n = json("{\"s\":\"a\",\"n\":2.5,\"b\":true,\"z\":null,\"o\":{},\"l\":[]}");
    assertThat(JsonFields.text(n, "s")).isEqualTo("a");
    assertThat(JsonFields.text(n, "n")).isEqualTo("2.5");
    assertThat(JsonFields.text(n, "b")).isEqualTo("true");
    assertThat(JsonFields.text(n, "z")).isNull();
    assertThat(JsonFields.text(n, "o")).isNull();
    assertThat(JsonFields.text(n, "l")).isNull();
    assertThat(JsonFields.text(n, "missing")).isNull();
  }

  @Test
  void booleansFromTextAndNumbers() throws Exception {
    JsonNode n =
        json("{\"t\":\"TRUE \",\"f\":\"false\",\"one\":1,\"zero\":0,\"x\":\"yes\",\"b\":false}");
    assertThat(JsonFields.bool(n, "t")).isTrue();
    assertThat(JsonFields.bool(n, "f")).isFalse();
    assertThat(JsonFields.bool(n, "one")).isTrue();
    assertThat(JsonFields.bool(n, "zero")).isFalse();
    assertThat(JsonFields.bool(n, "b")).isFalse();
    assertThat(JsonFields.bool(n, "x")).isNull();
    assertThat(JsonFields.bool(n, "missing")).isNull();
  }

  @Test
  void integersFromNumbersAndText() throws Exception {
    JsonNode n =
        json("{\"i\":2,\"s\":\" 7 \",\"f\":2.5,\"big\":99999999999,\"w\":\"two\",\"z\":null}");
    assertThat(JsonFields.integer(n, "i")).isEqualTo(2);
    assertThat(JsonFields.integer(n, "s")).isEqualTo(7);
    assertThat(JsonFields.integer(n, "f")).isNull();
    assertThat(JsonFields.integer(n, "big")).isNull();
    assertThat(JsonFields.integer(n, "w")).isNull();
    assertThat(JsonFields.integer(n, "z")).isNull();
  }

  @Test
  void mapsKeepOrderAndNullsAndAreReadOnly() throws Exception {
    JsonNode n = json("{\"m\":{\"b\":1,\"a\":null},\"s\":\"x\"}");
    Map<String, Object> m = JsonFields.map(n, "m");
    assertThat(m)
        .containsExactly(Map.entry("b", 1), new java.util.AbstractMap.SimpleEntry<>("a", null));
    assertThat(JsonFields.map(n, "s")).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.put("c", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, Object> source = new LinkedHashMap<>(Map.of("k", 1));
    Map<String, Object> copy = JsonFields.copy(source);
    source.put("k", 2);
    assertThat(copy).containsEntry("k", 1);
    assertThat(JsonFields.copy((Map<String, Object>) null)).isNull();
  }

  @Test
  void presentTreatsBlankAsAbsent() {
    assertThat(JsonFields.present(null)).isEmpty();
    assertThat(JsonFields.present(" ")).isEmpty();
    assertThat(JsonFields.present("x")).contains("x");
  }
}
