package dev.switchboard.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Sample(String a) {}

  @Test
  void unknownFieldsDoNotFail() throws Exception {
    assertThat(Json.mapper().readValue("{\"a\":\"x\",\"b\":1}", Sample.class))
        .isEqualTo(new Sample("x"));
    assertThat(Json.mapper().readValue("{}", Map.class)).isEmpty();
  }
}
