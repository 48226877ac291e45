package dev.switchboard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WebhookEndpointTest {

  private static final WebhookParser<Object> PARSER =
      r -> new ParsedDelivery<>(new Object(), r.delivery(r.bodySha256()), "any");

  @Test
  void refusesAnEndpointWithoutAuthenticationAndNamesTheProperty() {
    assertThatThrownBy(
            () ->
                WebhookEndpoint.builder("acme", "/webhooks/acme", PARSER)
                    .configurationHints("acme.webhook.secret", "acme.webhook.allow-unauthenticated")
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("acme.webhook.secret")
        .hasMessageContaining("acme.webhook.allow-unauthenticated=true");
  }

  @Test
  void startsUnauthenticatedOnlyWhenAllowedAndWarns(CapturedOutput output) {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder("acme", "/webhooks/acme", PARSER)
            .configurationHints("acme.webhook.secret", "acme.webhook.allow-unauthenticated")
            .allowUnauthenticated(true)
            .build();
    assertThat(endpoint.authenticator()).isNull();
    assertThat(output.getOut()).contains("UNAUTHENTICATED").contains("acme.webhook.secret");
  }

  @Test
  void keepsAuthenticatorLimitAndSensitiveHeaders() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder("acme", "/webhooks/acme", PARSER)
            .authenticator(
                WebhookAuthenticators.headerSecret("X-Acme", List.of(Secret.of("s3cr3t"))))
            .sensitiveHeaders("X-Acme")
            .maxBodySize(10)
            .build();
    assertThat(endpoint.maxBodySize()).isEqualTo(10);
    assertThat(endpoint.sensitiveHeaders()).contains("X-Acme", "Authorization");
    assertThatThrownBy(() -> WebhookEndpoint.builder("acme", "no-slash", PARSER))
        .isInstanceOf(WebhookConfigurationException.class);
  }

  @Test
  void readJsonRejectsGarbageWithoutQuotingIt() {
    assertThat(WebhookParser.readJson("{\"a\":1}".getBytes())).containsEntry("a", 1);
    assertThatThrownBy(() -> WebhookParser.readJson("{\"a\": secret-ish}".getBytes()))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageNotContaining("secret-ish");
    assertThatThrownBy(() -> WebhookParser.readJson("{} trailing".getBytes()))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageNotContaining("trailing");
    assertThatThrownBy(() -> WebhookParser.readJson(new byte[0]))
        .isInstanceOf(WebhookPayloadException.class);
  }
}
