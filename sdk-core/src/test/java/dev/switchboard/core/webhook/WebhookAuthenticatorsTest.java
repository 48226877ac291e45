package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookAuthenticatorsTest {

  static WebhookRequest request(
      Map<String, List<String>> headers, Map<String, List<String>> query) {
    return new WebhookRequest(
        "test",
        "{}".getBytes(StandardCharsets.UTF_8),
        headers,
        query,
        "127.0.0.1",
        Instant.EPOCH,
        Set.of());
  }

  private static final List<Secret> TWO = List.of(Secret.of("old-secret"), Secret.of("new-secret"));

  @Test
  void headerSecretAcceptsEitherRotatedSecretInAnyHeaderCase() {
    WebhookAuthenticator auth = WebhookAuthenticators.headerSecret("X-Webhook-Secret", TWO);
    assertThat(
            auth.authenticate(request(Map.of("x-webhook-secret", List.of("old-secret")), Map.of()))
                .authenticated())
        .isTrue();
    assertThat(
            auth.authenticate(request(Map.of("X-WEBHOOK-SECRET", List.of("new-secret")), Map.of()))
                .authenticated())
        .isTrue();
    AuthenticationResult wrong =
        auth.authenticate(request(Map.of("X-Webhook-Secret", List.of("guess")), Map.of()));
    assertThat(wrong.authenticated()).isFalse();
    assertThat(wrong.reason()).doesNotContain("guess", "old-secret", "new-secret");
    assertThat(auth.authenticate(request(Map.of(), Map.of())).reason()).contains("missing");
  }

  @Test
  void queryTokenChecksTheNamedParameter() {
    WebhookAuthenticator auth = WebhookAuthenticators.queryToken("token", TWO);
    assertThat(
            auth.authenticate(request(Map.of(), Map.of("token", List.of("new-secret"))))
                .authenticated())
        .isTrue();
    assertThat(
            auth.authenticate(request(Map.of(), Map.of("token", List.of("nope")))).authenticated())
        .isFalse();
    assertThat(
            auth.authenticate(request(Map.of(), Map.of("other", List.of("new-secret"))))
                .authenticated())
        .isFalse();
  }

  @Test
  void basicNeedsTheUserAndAPassword() {
    WebhookAuthenticator auth = WebhookAuthenticators.basic("futwork", TWO);
    assertThat(auth.authenticate(basic("futwork:old-secret")).authenticated()).isTrue();
    assertThat(auth.authenticate(basic("futwork:new-secret")).authenticated()).isTrue();
    assertThat(auth.authenticate(basic("someone:new-secret")).authenticated()).isFalse();
    assertThat(auth.authenticate(basic("futwork:wrong")).authenticated()).isFalse();
    assertThat(auth.authenticate(basic("no-colon")).authenticated()).isFalse();
    assertThat(
            auth.authenticate(request(Map.of("Authorization", List.of("Basic %%%")), Map.of()))
                .authenticated())
        .isFalse();
    assertThat(auth.authenticate(request(Map.of(), Map.of())).authenticated()).isFalse();
  }

  @Test
  void anyOfAcceptsWhatOneAlternativeAccepts() {
    WebhookAuthenticator auth =
        WebhookAuthenticators.anyOf(
            List.of(
                WebhookAuthenticators.headerSecret("X-Webhook-Secret", TWO),
                WebhookAuthenticators.queryToken("token", TWO)));
    assertThat(
            auth.authenticate(request(Map.of(), Map.of("token", List.of("old-secret"))))
                .authenticated())
        .isTrue();
    AuthenticationResult none = auth.authenticate(request(Map.of(), Map.of()));
    assertThat(none.authenticated()).isFalse();
    assertThat(none.reason()).contains("X-Webhook-Secret").contains("token");
  }

  @Test
  void deliveryDropsSensitiveHeaders() {
    WebhookRequest r =
        new WebhookRequest(
            "test",
            new byte[] {'{', '}'},
            Map.of(
                "X-Webhook-Secret", List.of("s"),
                "authorization", List.of("Basic x"),
                "X-Request-Id", List.of("r1")),
            Map.of(),
            "127.0.0.1",
            Instant.EPOCH,
            Set.of("x-webhook-secret", "Authorization"));
    WebhookDelivery d = r.delivery("key");
    assertThat(d.headers()).containsOnlyKeys("X-Request-Id");
    assertThat(d.header("x-request-id")).contains("r1");
    assertThat(d.rawJson()).isEqualTo("{}");
    assertThat(d.toString()).doesNotContain("{}");
    assertThat(r.toString()).doesNotContain("Basic");
  }

  private static WebhookRequest basic(String userPassword) {
    String encoded =
        Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    return request(Map.of("Authorization", List.of("Basic " + encoded)), Map.of());
  }
}
