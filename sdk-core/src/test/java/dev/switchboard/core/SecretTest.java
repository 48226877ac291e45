package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

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

  @Test
  void refusesBlankWithoutEchoingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Secret.of(" "))
        .withMessageNotContaining(" \"");
    assertThat(Secret.ofNullable("")).isNull();
  }
}
