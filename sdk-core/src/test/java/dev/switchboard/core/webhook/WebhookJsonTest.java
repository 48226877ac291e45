package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {

  /** Reads every top-level field with one of the tolerant reads, chosen by its name's prefix. */
  static Map<String, Object> readAll(String json) {
    return WebhookJson.read(
        json.getBytes(StandardCharsets.UTF_8),
        p -> {
          Map<String, Object> out = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object value =
                switch (name.charAt(0)) {
                  case 't' -> WebhookJson.text(p);
                  case 'b' -> WebhookJson.bool(p);
                  case 'i' -> WebhookJson.integer(p);
                  default -> WebhookJson.map(p);
                };
            out.put(name, value);
          }
          return out;
        });
  }

  @Test
  void tolerantReadsMatchTheTreeReads() {
    Map<String, Object> r =
        readAll(
            "{\"t1\":\"a\",\"t2\":2.5,\"t3\":true,\"t4\":null,\"t5\":{\"x\":[1]},\"t6\":[1,2],"
                + "\"b1\":\"TRUE\",\"b2\":0,\"b3\":\"yes\",\"b4\":{},"
                + "\"i1\":3,\"i2\":\" 4 \",\"i3\":2.5,\"i4\":99999999999,\"i5\":[],"
                + "\"m1\":{\"k\":null,\"n\":1},\"m2\":\"x\",\"m3\":[{}]}");
    assertThat(r.get("t1")).isEqualTo("a");
    assertThat(r.get("t2")).isEqualTo("2.5");
    assertThat(r.get("t3")).isEqualTo("true");
    assertThat(r.get("t4")).isNull();
    assertThat(r.get("t5")).isNull();
    assertThat(r.get("t6")).isNull();
    assertThat(r.get("b1")).isEqualTo(true);
    assertThat(r.get("b2")).isEqualTo(false);
    assertThat(r.get("b3")).isNull();
    assertThat(r.get("b4")).isNull();
    assertThat(r.get("i1")).isEqualTo(3);
    assertThat(r.get("i2")).isEqualTo(4);
    assertThat(r.get("i3")).isNull();
    assertThat(r.get("i4")).isNull();
    assertThat(r.get("i5")).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> m1 = (Map<String, Object>) r.get("m1");
    assertThat(m1).containsEntry("k", null).containsEntry("n", 1);
    assertThat(r.get("m2")).isNull();
    assertThat(r.get("m3")).isNull();
    assertThat(r).hasSize(18);
  }

  @Test
  void invalidEmptyAndTrailingBodiesAreRefusedWithAPositionNotTheContent() {
    assertThatThrownBy(() -> readAll("{\"t\": secret-value}"))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageStartingWith("The body is not valid JSON")
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> readAll(""))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> readAll("{\"t\":1} {\"t\":2}"))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("content after its JSON value");
    assertThatThrownBy(() -> readAll("{\"t\":1"))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageStartingWith("The body is not valid JSON");
  }
}
