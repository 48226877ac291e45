package dev.switchboard.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.http.BaseUrl;
import dev.switchboard.core.http.HttpProperties;
import dev.switchboard.core.testing.BeanValidation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintsTest {

  record Config(@ValidBaseUrl String baseUrl, @PositiveDuration Duration timeout) {}

  static Map<String, String> violations(Object bean) {
    return BeanValidation.byPath(bean);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.example.com",
        "api.example.com",
        "ftp://api.example.com",
        "https://user:pw@api.example.com",
        "https://api.example.com/v1?x={y}",
        "https://exa mple.com"
      })
  void aWrongBaseUrlIsReportedWithTheMessageTheSdksOwnCheckGives(String url) {
    String message = violations(new Config(url, null)).get("baseUrl");

    assertThat(message).isNotNull().isEqualTo(BaseUrl.problem(url));
    assertThatThrownBy(() -> BaseUrl.require(url, "x.base-url"))
        .hasMessage("x.base-url " + message);
  }

  @Test
  void goodValuesAndLeftOutOnesPass() {
    assertThat(violations(new Config("https://api.example.com/v1", Duration.ofSeconds(1))))
        .isEmpty();
    assertThat(violations(new Config("http://localhost:8080", null))).isEmpty();
    assertThat(violations(new Config(null, null))).isEmpty();
    assertThat(violations(new HttpProperties(null, null, null))).isEmpty();
  }

  @Test
  void httpPropertiesOutOfRangeAreReportedAsToSettingsRefusesThem() {
    HttpProperties bad =
        new HttpProperties(
            Duration.ZERO,
            Duration.ofSeconds(-1),
            new HttpProperties.Retry(0, Duration.ofMillis(-1), 0.5, null, null, false));

    assertThat(violations(bad))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "connectTimeout", "must be positive",
                "readTimeout", "must be positive",
                "retry.maxAttempts", "must be at least 1",
                "retry.initialBackoff", "must not be negative",
                "retry.multiplier", "must be at least 1.0"));
    assertThatThrownBy(bad::toSettings).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HttpProperties(Duration.ZERO, null, null).toSettings())
        .hasMessage("connectTimeout must be positive");
  }

  @Test
  void zeroIsAcceptedOnlyWhereTheConstraintSaysSo() {
    record Skew(@PositiveDuration(orZero = true) Duration skew, @PositiveDuration Duration t) {}

    assertThat(violations(new Skew(Duration.ZERO, Duration.ZERO)))
        .containsExactlyEntriesOf(Map.of("t", "must be positive"));
  }
}
