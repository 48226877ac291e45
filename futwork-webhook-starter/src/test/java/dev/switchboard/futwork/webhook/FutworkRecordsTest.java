package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;
import dev.switchboard.futwork.webhook.internal.FutworkValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Records read tolerantly and serialize back to the documented shape with the SDK's mapper. */
class FutworkRecordsTest {

  private static FutworkEvent parse(byte[] body) {
    return new FutworkPayloadParser()
        .parse(
            new WebhookRequest(
                "futwork", body, Map.of(), Map.of(), "127.0.0.1", Instant.EPOCH, Set.of()))
        .event();
  }

  @Test
  void workflowRoundTripsToTheDocumentedShape() throws Exception {
    byte[] fixture = Fixtures.payload("futwork-workflow-post-call.json");
    WorkflowPostCall call = (WorkflowPostCall) parse(fixture);
    JsonNode written = Json.mapper().valueToTree(call);
    assertThat(written).isEqualTo(Json.mapper().readTree(fixture));
    assertThat(parse(Json.mapper().writeValueAsBytes(call.withDelivery(null))))
        .isInstanceOf(WorkflowPostCall.class)
        .extracting(e -> ((WorkflowPostCall) e).withDelivery(null))
        .isEqualTo(call.withDelivery(null));
  }

  @Test
  void storedBodiesParseToTheSameRecordsWithoutADelivery() {
    for (String name :
        List.of("futwork-workflow-post-call.json", "futwork-campaign-post-call.json")) {
      byte[] fixture = Fixtures.payload(name);
      FutworkEvent received = parse(fixture);
      FutworkEvent stored = FutworkEvent.parse(fixture);
      assertThat(stored.delivery()).isNull();
      assertThat(received.delivery()).isNotNull();
      assertThat(stored.getClass()).isEqualTo(received.getClass());
      FutworkEvent withoutDelivery =
          received instanceof WorkflowPostCall w
              ? w.withDelivery(null)
              : ((CampaignPostCall) received).withDelivery(null);
      assertThat(stored).isEqualTo(withoutDelivery);
    }
    assertThat(FutworkEvent.parse("{\"other\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnrecognizedFutworkPayload.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FutworkEvent.parse("{\"secret\":\"s3cr3t\"".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(dev.switchboard.core.webhook.WebhookPayloadException.class)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void campaignRoundTripsToTheDocumentedShape() throws Exception {
    byte[] fixture = Fixtures.payload("futwork-campaign-post-call.json");
    CampaignPostCall call = (CampaignPostCall) parse(fixture);
    JsonNode written = Json.mapper().valueToTree(call);
    assertThat(written).isEqualTo(Json.mapper().readTree(fixture));
    assertThat(written.has("delivery")).isFalse();
  }

  @Test
  void handBuiltRecordsSerializeForASandbox() throws Exception {
    CampaignPostCall call =
        new CampaignPostCall(
            "sid-1",
            "lead",
            "camp",
            "agent",
            "call-disconnected",
            new CampaignPostCall.TelephonyData(
                "outbound",
                "12.5",
                "+919999789877",
                "+918035735856",
                "",
                true,
                "p1",
                "exotel",
                null,
                null,
                null),
            new CampaignPostCall.ContextDetails(
                "+919999789877", Map.of("customer_name", "A"), "lead", "agent", "camp"),
            Transcript.of("assistant: hi\n"),
            "",
            null,
            null);
    JsonNode json = Json.mapper().valueToTree(call);
    assertThat(json.path("telephonyData").path("duration").asText()).isEqualTo("12.5");
    assertThat(json.path("extractedData").isNull()).isTrue();
    assertThat(json.path("telephonyData").has("hangupBy")).isTrue();
    assertThat(parse(Json.mapper().writeValueAsBytes(call)))
        .isEqualTo(
            call.withDelivery(
                ((CampaignPostCall) parse(Json.mapper().writeValueAsBytes(call))).delivery()));

    WorkflowPostCall w =
        new WorkflowPostCall(
            "9999789877", Map.of(), "r", "wf", "", "", "1", Map.of(), false, "done", null);
    JsonNode wj = Json.mapper().valueToTree(w);
    assertThat(wj.path("isTerminal").isBoolean()).isTrue();
    assertThat(wj.has("terminal")).isFalse();
    List<String> names = new java.util.ArrayList<>();
    wj.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "recipientPhone",
            "recipientData",
            "referenceId",
            "workflowId",
            "disposition",
            "recordingUrl",
            "conversationMinutes",
            "collectedData",
            "isTerminal",
            "stage");
  }

  @Test
  void unrecognizedSerializesAsItsJson() throws Exception {
    byte[] body = "{\"a\":[1,2,3]}".getBytes();
    FutworkEvent event = parse(body);
    assertThat(event).isInstanceOf(UnrecognizedFutworkPayload.class);
    assertThat(Json.mapper().writeValueAsString(event)).isEqualTo("{\"a\":[1,2,3]}");
    assertThat(event.delivery().idempotencyKey()).isEqualTo(WebhookRequest.sha256Hex(body));
  }

  @Test
  void shapesAreToldApartByContent() {
    assertThat(parse("{\"isTerminal\":false}".getBytes())).isInstanceOf(WorkflowPostCall.class);
    assertThat(parse("{\"telephonyData\":{}}".getBytes())).isInstanceOf(CampaignPostCall.class);
    assertThat(parse("{\"campaignId\":\"c\"}".getBytes())).isInstanceOf(CampaignPostCall.class);
    assertThat(parse("{\"campaignId\":\"c\"}".getBytes()).delivery().idempotencyKey()).hasSize(64);
    assertThat(parse("{\"stage\":null,\"other\":1}".getBytes()))
        .isInstanceOf(UnrecognizedFutworkPayload.class);
    // referenceId (the one field the document requires) with any post-call field is a workflow
    // delivery, without workflowId, stage or isTerminal
    assertThat(parse("{\"referenceId\":\"AWB1\",\"disposition\":\"interested\"}".getBytes()))
        .isInstanceOf(WorkflowPostCall.class);
    assertThat(parse("{\"referenceId\":\"AWB1\",\"collectedData\":{}}".getBytes()))
        .isInstanceOf(WorkflowPostCall.class);
    assertThat(parse("{\"referenceId\":\"AWB1\"}".getBytes()))
        .isInstanceOf(UnrecognizedFutworkPayload.class);
    assertThat(parse("{\"disposition\":\"interested\"}".getBytes()))
        .isInstanceOf(UnrecognizedFutworkPayload.class);
  }

  @Test
  void aTopLevelValueThatIsNotAnObjectIsRefused() {
    for (String body : new String[] {"[]", "\"x\"", "1", "-1.5", "true", "false", "null", "[{}]"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> FutworkEvent.parse(body.getBytes()))
          .as(body)
          .isInstanceOf(dev.switchboard.core.webhook.WebhookPayloadException.class)
          .hasMessage("A Futwork delivery must be a JSON object.");
    }
  }

  @Test
  void valuesAreReadTolerantly() {
    assertThat(FutworkValues.minutes("2.5")).contains(Duration.ofSeconds(150));
    assertThat(FutworkValues.minutes(" 1 ")).contains(Duration.ofMinutes(1));
    assertThat(FutworkValues.seconds("0.0")).contains(Duration.ZERO);
    assertThat(FutworkValues.seconds("12.345")).contains(Duration.ofMillis(12_345));
    assertThat(FutworkValues.seconds("")).isEmpty();
    assertThat(FutworkValues.seconds("None")).isEmpty();
    assertThat(FutworkValues.seconds("-1")).isEmpty();
    assertThat(FutworkValues.seconds("1e400")).isEmpty();
    assertThat(dev.switchboard.core.json.internal.JsonFields.present(" ")).isEmpty();
  }
}
