package dev.switchboard.core.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.webhook.WebhookPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {

  /** One field of each kind per name prefix: t text, b boolean, i whole number, m map. */
  record All(
      String t1,
      String t2,
      String t3,
      String t4,
      String t5,
      String t6,
      Boolean b1,
      Boolean b2,
      Boolean b3,
      Boolean b4,
      Integer i1,
      Integer i2,
      Integer i3,
      Integer i4,
      Integer i5,
      Map<String, Object> m1,
      Map<String, Object> m2,
      Map<String, Object> m3) {}

  private static final ObjectReader ALL = WebhookJson.reader(All.class);

  /** Reads every top-level field with one of the tolerant reads, chosen by its name's prefix. */
  static Map<String, Object> readAll(String json) {
    All a = WebhookJson.read(json.getBytes(StandardCharsets.UTF_8), ALL, kind -> "not an object");
    Map<String, Object> out = new LinkedHashMap<>();
    for (var c : All.class.getRecordComponents()) {
      try {
        out.put(c.getName(), c.getAccessor().invoke(a));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
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
    assertThatThrownBy(() -> readAll("[1]"))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessage("not an object");
  }
}
