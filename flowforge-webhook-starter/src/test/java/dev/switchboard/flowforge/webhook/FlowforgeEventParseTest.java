package dev.switchboard.flowforge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.flowforge.webhook.internal.FlowforgePayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link FlowforgeEvent#parse}: a stored body gives the record the receiver publishes. */
class FlowforgeEventParseTest {

  @Test
  void storedBodiesGiveTheReceiversRecordsWithoutADelivery() throws Exception {
    for (String name :
        List.of(
            "flowforge-captured-form-created.json",
            "flowforge-captured-intent-created.json",
            "flowforge-conversation-closed.json")) {
      byte[] body = Fixtures.payload(name);
      FlowforgeEvent received =
          new FlowforgePayloadParser(ZoneOffset.UTC)
              .parse(
                  new WebhookRequest(
                      "flowforge", body, Map.of(), Map.of(), "::1", Instant.EPOCH, Set.of()))
              .event();
      FlowforgeEvent stored = FlowforgeEvent.parse(body, ZoneOffset.UTC);
      assertThat(stored.delivery()).as(name).isNull();
      assertThat(received.delivery()).as(name).isNotNull();
      assertThat(stored.getClass()).as(name).isEqualTo(received.getClass());
      assertThat(stored.createdAtInstant()).as(name).isEqualTo(received.createdAtInstant());
      JsonNode storedJson = Json.mapper().valueToTree(stored);
      JsonNode receivedJson = Json.mapper().valueToTree(received);
      assertThat(storedJson).as(name).isEqualTo(receivedJson);
    }
  }

  @Test
  void theZoneReadsZoneLessTimes() {
    byte[] body = Fixtures.payload("flowforge-conversation-closed.json");
    assertThat(FlowforgeEvent.parse(body, ZoneId.of("Asia/Kolkata")).createdAtInstant())
        .contains(Instant.parse("2024-04-10T12:46:50Z"));
  }

  @Test
  void whatIsNotADeliveryIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                FlowforgeEvent.parse(
                    "{\"event\":\"conversation.closed\",\"secret\":\"s3cr3t\"}"
                        .getBytes(StandardCharsets.UTF_8),
                    ZoneOffset.UTC))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("data")
        .hasMessageNotContaining("s3cr3t");
    assertThat(
            FlowforgeEvent.parse(
                "{\"id\":\"e\",\"event\":\"new.thing\",\"data\":{\"k\":1}}"
                    .getBytes(StandardCharsets.UTF_8),
                ZoneOffset.UTC))
        .isInstanceOf(UnknownFlowforgeEvent.class);
  }
}
