package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretTest {

  @Test
  void neverPrintsItself() {
    Secret secret = Secret.of("sk_live_123");
    assertThat(secret.toString()).doesNotContain("sk_live_123").isEqualTo("****");
    assertThat(String.valueOf(java.util.List.of(secret))).doesNotContain("sk_live_123");
    assertThat(secret.reveal()).isEqualTo("sk_live_123");
  }

  @Test
  void matchesOnlyTheSameValue() {
    Secret secret = Secret.of("abc");
    assertThat(secret.matches("abc")).isTrue();
    assertThat(secret.matches("abd")).isFalse();
    assertThat(secret.matches("ab")).isFalse();
    assertThat(secret.matches(null)).isFalse();
    assertThat(secret).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
  }

  @Test
  void redactsEchoes() {
    assertThat(Secret.of("k3y").redact("invalid key k3y given"))
        .isEqualTo("invalid key **** given");
    assertThat(Secret.of("k3y").redact(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "as it is|fk_live_7Qp/x+Z9 \"key\">?~",
        "JSON-escaped|fk_live_7Qp/x+Z9 \\\"key\\\">?~",
        "JSON-escaped with \\/|fk_live_7Qp\\/x+Z9 \\\"key\\\">?~",
        "URL-encoded|fk_live_7Qp%2Fx%2BZ9+%22key%22%3E%3F%7E",
        "URL-encoded, lower case|fk_live_7Qp%2fx%2bZ9+%22key%22%3e%3f%7e",
        "URL-encoded, %20|fk_live_7Qp%2Fx%2BZ9%20%22key%22%3E%3F%7E",
        "Base64|ZmtfbGl2ZV83UXAveCtaOSAia2V5Ij4/fg==",
        "Base64 without padding|ZmtfbGl2ZV83UXAveCtaOSAia2V5Ij4/fg",
        "Base64, URL-safe|ZmtfbGl2ZV83UXAveCtaOSAia2V5Ij4_fg=="
      })
  void redactsEveryFormAnEchoCanTake(String form, String echoed) {
    Secret secret = Secret.of("fk_live_7Qp/x+Z9 \"key\">?~");

    assertThat(secret.redact("{\"error\":\"bad key " + echoed + ".\"}"))
        .as(form)
        .isEqualTo("{\"error\":\"bad key ****.\"}");
  }

  @Test
  void refusesBlankWithoutEchoingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Secret.of(" "))
        .withMessageNotContaining(" \"");
    assertThat(Secret.ofNullable("")).isNull();
  }
}
