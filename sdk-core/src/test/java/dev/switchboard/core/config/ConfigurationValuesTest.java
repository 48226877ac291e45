package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unresolved placeholders are refused, naming the property and the placeholder, never a value. */
class ConfigurationValuesTest {

  @Test
  void resolvedValuesPass() {
    assertThat(ConfigurationValues.requireResolved("a.b", "https://x.example/$1{")).isNotNull();
    assertThat(ConfigurationValues.requireResolved("a.b", (String) null)).isNull();
    assertThat(ConfigurationValues.requireResolved("a.b", Secret.of("s3cr3t$"))).isNotNull();
    assertThat(ConfigurationValues.requireResolved("a.b", (List<Secret>) null)).isNull();
  }

  @Test
  void aPlaceholderIsRefusedNamingThePropertyAndThePlaceholderOnly() {
    assertThatThrownBy(
            () ->
                ConfigurationValues.requireResolved(
                    "futwork.api-key", Secret.of("secret-part-${FUTWORK_API_KEY}-more")))
        .isInstanceOfSatisfying(
            UnresolvedPlaceholderException.class,
            e -> {
              assertThat(e.property()).isEqualTo("futwork.api-key");
              assertThat(e.placeholder()).isEqualTo("${FUTWORK_API_KEY}");
              assertThat(e.description())
                  .contains("futwork.api-key", "${FUTWORK_API_KEY}")
                  .doesNotContain("secret-part", "more");
              assertThat(e.action()).contains("Define FUTWORK_API_KEY");
              assertThat(e.getMessage()).doesNotContain("secret-part");
            });
  }

  @Test
  void aPlaceholderWithADefaultNamesTheVariable() {
    assertThatThrownBy(() -> ConfigurationValues.requireResolved("x.url", "${BASE:${OTHER}}"))
        .isInstanceOfSatisfying(
            UnresolvedPlaceholderException.class,
            e -> assertThat(e.action()).contains("Define BASE "));
  }

  @Test
  void anUnclosedPlaceholderIsRefusedToo() {
    assertThatThrownBy(() -> ConfigurationValues.requireResolved("x.secret", "abc${NEVER"))
        .isInstanceOf(UnresolvedPlaceholderException.class)
        .hasMessageNotContaining("NEVER")
        .hasMessageContaining("x.secret");
  }

  @Test
  void listsNameTheEntry() {
    List<Secret> secrets = List.of(Secret.of("ok"), Secret.of("${ROTATED}"));
    assertThatThrownBy(() -> ConfigurationValues.requireResolved("w.previous-secrets", secrets))
        .hasMessageContaining("w.previous-secrets[1]");
    assertThatThrownBy(() -> ConfigurationValues.requireResolvedValues("a.urls", List.of("${U}")))
        .hasMessageContaining("a.urls[0]");
  }
}
