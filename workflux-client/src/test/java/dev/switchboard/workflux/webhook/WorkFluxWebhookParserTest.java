package dev.switchboard.workflux.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.webhook.AuthenticationResult;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parser and authenticator that plug WorkFlux into sdk-core's pipeline, without HTTP. */
class WorkFluxWebhookParserTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  static WebhookRequest request(String body, Map<String, String> headers, Instant receivedAt) {
    return new WebhookRequest(
        "workflux",
        body.getBytes(StandardCharsets.UTF_8),
        headers.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        Map.of(),
        "127.0.0.1",
        receivedAt,
        Set.of("webhook-signature"));
  }

  @Test
  void theIdempotencyKeyIsTheWebhookIdElseTheBodysSha256() {
    WorkFluxWebhookParser parser = new WorkFluxWebhookParser();
    String body = "{\"type\":\"conversation.started\",\"data\":{}}";

    ParsedDelivery<WorkFluxEvent> withId =
        parser.parse(request(body, Map.of("Webhook-Id", " msg_1 "), NOW));
    assertThat(withId.delivery().idempotencyKey()).isEqualTo("msg_1");
    assertThat(withId.eventType()).isEqualTo("conversation.started");
    assertThat(withId.event()).isInstanceOf(ConversationStarted.class);
    assertThat(withId.event().delivery()).isSameAs(withId.delivery());

    ParsedDelivery<WorkFluxEvent> without = parser.parse(request(body, Map.of(), NOW));
    assertThat(without.delivery().idempotencyKey())
        .isEqualTo(WebhookRequest.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));

    String longId = "m".repeat(300);
    assertThat(
            parser
                .parse(request(body, Map.of("webhook-id", longId), NOW))
                .delivery()
                .idempotencyKey())
        .hasSize(64)
        .isEqualTo(WebhookRequest.sha256Hex(longId.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void unknownTypesAreOneLowCardinalityMetricsName() {
    WorkFluxWebhookParser parser = new WorkFluxWebhookParser();
    ParsedDelivery<WorkFluxEvent> parsed =
        parser.parse(request("{\"type\":\"escalation.user-42\"}", Map.of(), NOW));
    assertThat(parsed.eventType()).isEqualTo(WorkFluxWebhookParser.UNKNOWN);
    assertThat(parsed.event()).isInstanceOf(UnknownWorkFluxEvent.class);
    assertThat(parsed.event().type()).isEqualTo("escalation.user-42");
    assertThat(parser.parse(request("{\"event\":\" Agent.Response \"}", Map.of(), NOW)).eventType())
        .isEqualTo("agent.response");
  }

  @Test
  void aBodyThatIsNotAnObjectIsAPayloadError() {
    WorkFluxWebhookParser parser = new WorkFluxWebhookParser();
    assertThatThrownBy(() -> parser.parse(request("{\"type\":", Map.of(), NOW)))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("not a JSON object")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parser.parse(request("\"text\"", Map.of(), NOW)))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("string");
  }

  @Test
  void recordsCarryTheirDeliveryOutsideTheirJson() throws Exception {
    ParsedDelivery<WorkFluxEvent> parsed =
        new WorkFluxWebhookParser()
            .parse(
                request(
                    "{\"id\":\"e1\",\"type\":\"conversation.completed\",\"data\":{\"a\":1}}",
                    Map.of("webhook-id", "msg_9", "webhook-signature", "v1,abc"),
                    NOW));
    WorkFluxEvent event = parsed.event();
    assertThat(event.delivery().header("webhook-signature")).isEmpty();
    assertThat(event.delivery().header("WEBHOOK-ID")).contains("msg_9");
    String json = Json.mapper().writeValueAsString(event);
    assertThat(json).contains("\"id\":\"e1\"").doesNotContain("delivery").doesNotContain("msg_9");

    WorkFluxEvent bare = WorkFluxEvents.parse(event.rawJson().getBytes(StandardCharsets.UTF_8));
    assertThat(bare.delivery()).isNull();
    assertThat(bare.withDelivery(event.delivery())).isEqualTo(event);
  }

  @Test
  void theAuthenticatorChecksTimestampsAgainstTheArrivalTime() {
    String secret = "whk_unit_1a2b3c";
    String body = "{\"type\":\"agent.response\"}";
    Map<String, String> headers =
        WorkFluxWebhookSigner.of(secret).sign("msg_1", NOW, body.getBytes(StandardCharsets.UTF_8));
    // the verifier's own clock is a year off: the request's arrival time decides
    StandardWebhooks verifier =
        StandardWebhooks.builder()
            .secret(secret)
            .clock(Clock.fixed(NOW.plus(Duration.ofDays(365)), ZoneOffset.UTC))
            .build();
    WorkFluxWebhookAuthenticator authenticator = WorkFluxWebhookAuthenticator.of(verifier);

    assertThat(authenticator.authenticate(request(body, headers, NOW)).authenticated()).isTrue();
    AuthenticationResult late =
        authenticator.authenticate(request(body, headers, NOW.plus(Duration.ofMinutes(6))));
    assertThat(late.authenticated()).isFalse();
    assertThat(late.reason()).startsWith("STALE").doesNotContain(secret);
    AuthenticationResult wrong =
        WorkFluxWebhookAuthenticator.of(StandardWebhooks.of("other-secret"))
            .authenticate(request(body, headers, NOW));
    assertThat(wrong.reason())
        .startsWith("MISMATCH")
        .doesNotContain(headers.get("webhook-signature").substring(3));
  }
}
