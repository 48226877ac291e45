package dev.switchboard.core.json.internal;

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
  void streamedObjectsAreReadOnlyAllTheWayDownAndAreNotCopiedAgain() throws Exception {
    String text =
        "{\"b\":1,\"a\":null,\"big\":12345678901,\"huge\":123456789012345678901234,"
            + "\"f\":2.5,\"t\":true,\"s\":\"x\",\"o\":{\"k\":[1,null,{\"z\":false}]},\"b\":2}";
    Map<String, Object> m;
    try (var parser = Json.mapper().getFactory().createParser(text)) {
      parser.nextToken();
      m = JsonFields.readObject(parser);
    }
    // The same values, types and order as Jackson's own reading into a map; a repeated name keeps
    // its last value.
    assertThat(m).isEqualTo(Json.mapper().readValue(text, Map.class));
    assertThat(m.keySet()).containsExactly("b", "a", "big", "huge", "f", "t", "s", "o");
    assertThat(m.get("big")).isInstanceOf(Long.class);
    assertThat(m.get("huge")).isInstanceOf(java.math.BigInteger.class);
    assertThat(m.get("f")).isInstanceOf(Double.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) m.get("o");
    @SuppressWarnings("unchecked")
    java.util.List<Object> list = (java.util.List<Object>) inner.get("k");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> inner.put("c", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.add(3))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> m.entrySet().iterator().next().setValue(0))
        .isInstanceOf(UnsupportedOperationException.class);
    // and the views it hands out change nothing either
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.keySet().remove("b"))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(m).containsKey("b").hasSize(8);
    // Nothing else holds a map read from the body, so a record built from it keeps it as it is;
    // a caller's map is still copied.
    assertThat(JsonFields.copy(m)).isSameAs(m);
    Map<String, Object> callers = new LinkedHashMap<>(Map.of("k", 1));
    assertThat(JsonFields.copy(callers)).isNotSameAs(callers).isEqualTo(callers);
    Map<String, Object> once = JsonFields.copy(callers);
    assertThat(JsonFields.copy(once)).isSameAs(once);
    Map<String, String> built = JsonFields.readOnlyView(new LinkedHashMap<>(Map.of("f", "v")));
    assertThat(JsonFields.copy(built)).isSameAs(built).containsExactly(Map.entry("f", "v"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> built.remove("f"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void presentTreatsBlankAsAbsent() {
    assertThat(JsonFields.present(null)).isEmpty();
    assertThat(JsonFields.present(" ")).isEmpty();
    assertThat(JsonFields.present("x")).contains("x");
  }
}
