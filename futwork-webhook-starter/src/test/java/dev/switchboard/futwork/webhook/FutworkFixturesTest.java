package dev.switchboard.futwork.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.internal.Json;
import dev.switchboard.core.testing.Fixtures;
import dev.switchboard.core.webhook.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every Futwork sample payload, and variants of each oddity, over real HTTP. */
@SpringBootTest(
    classes = {TestApp.class, FutworkFixturesTest.Metrics.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "futwork.webhook.secret=" + Http.SECRET)
class FutworkFixturesTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Metrics {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired Recorder recorder;
  @Autowired Environment environment;
  @Autowired MeterRegistry meters;
  Http http;

  @BeforeEach
  void setUp() {
    recorder.reset();
    http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
  }

  static ObjectNode fixture(String name) throws Exception {
    return (ObjectNode) Json.mapper().readTree(Fixtures.payload(name));
  }

  static byte[] bytes(JsonNode node) throws Exception {
    return Json.mapper().writeValueAsBytes(node);
  }

  @Test
  void workflowFixtureArrivesAsWorkflowPostCall() {
    byte[] body = Fixtures.payload("futwork-workflow-post-call.json");
    Instant before = Instant.now();
    HttpResponse<String> response =
        Http.send(
            http.request("/webhooks/futwork")
                .header("Content-Type", "application/json")
                .header("X-Webhook-Secret", Http.SECRET)
                .header("X-Request-Id", "req-42")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(recorder.workflows).hasSize(1);
    assertThat(recorder.campaigns).isEmpty();
    WorkflowPostCall call = recorder.workflows.get(0);
    assertThat(call.recipientPhone()).isEqualTo("9999789877");
    assertThat(call.recipientPhoneTenDigits()).contains("9999789877");
    assertThat(call.recipientData())
        .containsEntry("customer_name", "abcd xyz")
        .containsEntry("place", "ABC");
    assertThat(call.referenceId()).isEqualTo("AWB123456789");
    assertThat(call.workflowId()).isEqualTo("wf_6512");
    assertThat(call.disposition()).isEqualTo("interested");
    assertThat(call.dispositionIfPresent()).contains("interested");
    assertThat(call.recordingUrl()).isEqualTo("https://recordings.example.com/calls/7f209cdb.mp3");
    assertThat(call.recordingUrlIfPresent()).contains(call.recordingUrl());
    assertThat(call.conversationMinutes()).isEqualTo("2.5");
    assertThat(call.conversationDuration()).contains(Duration.ofSeconds(150));
    assertThat(call.collectedData())
        .containsEntry("preferred_slot", "evening")
        .containsEntry("confirmed_address", "yes");
    assertThat(call.isTerminal()).isTrue();
    assertThat(call.terminal()).isTrue();
    assertThat(call.stage()).isEqualTo("postback_core");

    // the delivery's metadata: raw bytes, headers without the secret, time, key
    assertThat(call.delivery().body()).isEqualTo(body);
    assertThat(call.delivery().idempotencyKey()).isEqualTo(WebhookRequest.sha256Hex(body));
    assertThat(call.delivery().header("x-request-id")).contains("req-42");
    assertThat(call.delivery().header("X-Webhook-Secret")).isEmpty();
    assertThat(call.delivery().headers().toString()).doesNotContain(Http.SECRET);
    assertThat(call.delivery().receivedAt()).isBetween(before, Instant.now());
    assertThat(call.delivery().source()).isEqualTo("futwork");
    // the answer holds nothing the sender chose, not even the key
    assertThat(response.body()).isEqualTo("{\"status\":\"handled\"}");
    assertThat(recorder.handled).containsExactly(call);
  }

  @Test
  void campaignFixtureArrivesAsCampaignPostCall() {
    byte[] body = Fixtures.payload("futwork-campaign-post-call.json");
    HttpResponse<String> response = http.deliver(body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(recorder.campaigns).hasSize(1);
    assertThat(recorder.workflows).isEmpty();
    CampaignPostCall call = recorder.campaigns.get(0);
    assertThat(call.callSid()).isEqualTo("3f19eab8-c425-495f-a343-268c44d5631a");
    assertThat(call.leadId()).isEqualTo("68ecc93cd9fbecbe9431a2a1");
    assertThat(call.campaignId()).isEqualTo("68ecc86fd9fbecbe9431a18e");
    assertThat(call.agentId()).isEqualTo("68ecc7a3d9fbecbe9431a0a7");
    assertThat(call.status()).isEqualTo("call-disconnected");
    assertThat(call.transcript().text())
        .startsWith("assistant: Hello bani bani is testing the call \nThank you very much\n")
        .endsWith("Have a great day!\n");
    assertThat(call.disposition()).isEmpty();
    assertThat(call.dispositionIfPresent()).isEmpty();
    assertThat(call.extractedData()).isNull();
    assertThat(call.extractedDataOrEmpty()).isEmpty();
    assertThat(call.callDuration()).contains(Duration.ZERO);
    assertThat(call.recordingUrlIfPresent()).isEmpty();

    CampaignPostCall.TelephonyData t = call.telephonyData();
    assertThat(t.direction()).isEqualTo("outbound");
    assertThat(t.duration()).isEqualTo("0.0");
    assertThat(t.toNumber()).isEqualTo("+918076405599");
    assertThat(t.toNumberTenDigits()).contains("8076405599");
    assertThat(t.fromNumber()).isEqualTo("+918035735856");
    assertThat(t.fromNumberTenDigits()).contains("8035735856");
    assertThat(t.recordingUrl()).isEmpty();
    assertThat(t.hostedTelephony()).isTrue();
    assertThat(t.providerCallId()).isEqualTo("7f209cdb-be57-4314-b6ba-3c00eb4bb650");
    assertThat(t.provider()).isEqualTo("exotel");
    assertThat(t.hangupBy()).isNull();
    assertThat(t.hangupReason()).isNull();
    assertThat(t.hangupProviderCode()).isNull();

    CampaignPostCall.ContextDetails c = call.contextDetails();
    assertThat(c.recipientPhoneNumber()).isEqualTo("+918076405599");
    assertThat(c.recipientPhoneNumberTenDigits()).contains("8076405599");
    assertThat(c.recipientData()).isEqualTo(Map.of("customer_name", "abcd xyz", "place", "ABC"));
    assertThat(c.leadId()).isEqualTo("68ecc93cd9fbecbe9431a2a1");
    assertThat(c.agentId()).isEqualTo("68ecc7a3d9fbecbe9431a0a7");
    assertThat(c.campaignId()).isEqualTo("68ecc86fd9fbecbe9431a18e");

    // Futwork sends no delivery id: the key is the body's hash, so an update for the same callSid
    // is a new delivery and only an exact resend is a duplicate
    assertThat(call.delivery().idempotencyKey()).isEqualTo(WebhookRequest.sha256Hex(body));
    assertThat(call.delivery().body()).isEqualTo(body);
    assertThat(
            meters
                .get("switchboard.webhook.deliveries")
                .tag("source", "futwork")
                .tag("event.type", "campaign_post_call")
                .tag("outcome", "handled")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            meters
                .get("switchboard.webhook.handling")
                .tag("event.type", "campaign_post_call")
                .timer()
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void otherPlatformsPayloadsArriveUnrecognizedAndAreCounted() throws Exception {
    for (String name :
        new String[] {
          "flowforge-captured-form-created.json",
          "flowforge-captured-intent-created.json",
          "flowforge-conversation-closed.json",
          "workflux-webhook-subscription-response.json"
        }) {
      byte[] body = Fixtures.payload(name);
      assertThat(http.deliver(body).statusCode()).as(name).isEqualTo(200);
    }
    assertThat(recorder.unrecognized).hasSize(4);
    assertThat(recorder.workflows).isEmpty();
    assertThat(recorder.campaigns).isEmpty();
    UnrecognizedFutworkPayload first = recorder.unrecognized.get(0);
    assertThat(Json.mapper().<JsonNode>valueToTree(first.json()))
        .isEqualTo(
            Json.mapper().readTree(Fixtures.payload("flowforge-captured-form-created.json")));
    assertThat(first.delivery().body())
        .isEqualTo(Fixtures.payload("flowforge-captured-form-created.json"));
    assertThat(
            meters
                .get("switchboard.webhook.deliveries")
                .tag("event.type", "unrecognized")
                .tag("outcome", "handled")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void extraFieldsAreKeptInTheRawJson() throws Exception {
    ObjectNode campaign = fixture("futwork-campaign-post-call.json");
    campaign.put("callSid", UUID.randomUUID().toString());
    campaign.putObject("sentiment").put("score", 0.8);
    ((ObjectNode) campaign.get("telephonyData")).put("ringDuration", "3.0");
    ObjectNode workflow = fixture("futwork-workflow-post-call.json");
    workflow.put("attempt", 3);

    assertThat(http.deliver(bytes(campaign)).statusCode()).isEqualTo(200);
    assertThat(http.deliver(bytes(workflow)).statusCode()).isEqualTo(200);

    CampaignPostCall call = recorder.campaigns.get(0);
    assertThat(call.telephonyData().provider()).isEqualTo("exotel");
    JsonNode raw = Json.mapper().readTree(call.delivery().body());
    assertThat(raw.path("sentiment").path("score").asDouble()).isEqualTo(0.8);
    assertThat(raw.path("telephonyData").path("ringDuration").asText()).isEqualTo("3.0");
    assertThat(
            Json.mapper()
                .readTree(recorder.workflows.get(0).delivery().rawJson())
                .path("attempt")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void explicitNullsBecomeAbsentValues() throws Exception {
    ObjectNode workflow = Json.mapper().createObjectNode();
    for (String field :
        new String[] {
          "recipientPhone",
          "recipientData",
          "referenceId",
          "disposition",
          "recordingUrl",
          "conversationMinutes",
          "collectedData",
          "isTerminal"
        }) {
      workflow.putNull(field);
    }
    workflow.put("workflowId", "wf_nulls");
    workflow.put("stage", "postback_core");
    ObjectNode campaign = fixture("futwork-campaign-post-call.json");
    campaign.put("callSid", UUID.randomUUID().toString());
    campaign.putNull("telephonyData");
    campaign.putNull("contextDetails");
    campaign.putNull("disposition");
    campaign.putNull("transcript");

    assertThat(http.deliver(bytes(workflow)).statusCode()).isEqualTo(200);
    assertThat(http.deliver(bytes(campaign)).statusCode()).isEqualTo(200);

    WorkflowPostCall w = recorder.workflows.get(0);
    assertThat(w.workflowId()).isEqualTo("wf_nulls");
    assertThat(w.recipientPhone()).isNull();
    assertThat(w.recipientPhoneTenDigits()).isEmpty();
    assertThat(w.recipientDataOrEmpty()).isEmpty();
    assertThat(w.collectedDataOrEmpty()).isEmpty();
    assertThat(w.conversationDuration()).isEmpty();
    assertThat(w.dispositionIfPresent()).isEmpty();
    assertThat(w.recordingUrlIfPresent()).isEmpty();
    assertThat(w.isTerminal()).isNull();
    assertThat(w.terminal()).isFalse();

    CampaignPostCall c = recorder.campaigns.get(0);
    assertThat(c.telephonyData()).isNull();
    assertThat(c.contextDetails()).isNull();
    assertThat(c.callDuration()).isEmpty();
    assertThat(c.recordingUrlIfPresent()).isEmpty();
    assertThat(c.transcript()).isNull();
  }

  @Test
  void numbersSentAsNumbersAndBooleansAsStringsAreRead() throws Exception {
    ObjectNode workflow = fixture("futwork-workflow-post-call.json");
    workflow.put("conversationMinutes", 3.25);
    workflow.put("isTerminal", "false");
    workflow.put("recipientPhone", 9999789877L);
    ObjectNode campaign = fixture("futwork-campaign-post-call.json");
    campaign.put("callSid", UUID.randomUUID().toString());
    ObjectNode t = (ObjectNode) campaign.get("telephonyData");
    t.put("duration", 42);
    t.put("hostedTelephony", "false");
    t.put("hangupProviderCode", 16);
    t.put("hangupBy", "user");
    t.put("hangupReason", "NORMAL_CLEARING");

    assertThat(http.deliver(bytes(workflow)).statusCode()).isEqualTo(200);
    assertThat(http.deliver(bytes(campaign)).statusCode()).isEqualTo(200);

    WorkflowPostCall w = recorder.workflows.get(0);
    assertThat(w.conversationMinutes()).isEqualTo("3.25");
    assertThat(w.conversationDuration()).contains(Duration.ofSeconds(195));
    assertThat(w.isTerminal()).isFalse();
    assertThat(w.recipientPhone()).isEqualTo("9999789877");
    CampaignPostCall.TelephonyData td = recorder.campaigns.get(0).telephonyData();
    assertThat(td.duration()).isEqualTo("42");
    assertThat(td.callDuration()).contains(Duration.ofSeconds(42));
    assertThat(td.hostedTelephony()).isFalse();
    assertThat(td.hangupProviderCode()).isEqualTo("16");
    assertThat(td.hangupBy()).isEqualTo("user");
    assertThat(td.hangupReason()).isEqualTo("NORMAL_CLEARING");
  }

  @Test
  void missingOptionalFieldsDoNotFailTheDelivery() throws Exception {
    byte[] workflow =
        "{\"workflowId\":\"wf_min\",\"stage\":\"s1\"}".getBytes(StandardCharsets.UTF_8);
    String sid = UUID.randomUUID().toString();
    byte[] campaign = ("{\"callSid\":\"" + sid + "\"}").getBytes(StandardCharsets.UTF_8);

    assertThat(http.deliver(workflow).statusCode()).isEqualTo(200);
    assertThat(http.deliver(campaign).statusCode()).isEqualTo(200);

    WorkflowPostCall w = recorder.workflows.get(0);
    assertThat(w.stage()).isEqualTo("s1");
    assertThat(w.recipientData()).isNull();
    assertThat(w.conversationDuration()).isEmpty();
    CampaignPostCall c = recorder.campaigns.get(0);
    assertThat(c.callSid()).isEqualTo(sid);
    assertThat(c.telephonyData()).isNull();
    assertThat(c.extractedDataOrEmpty()).isEmpty();
  }

  @Test
  void nonAsciiTranscriptArrivesIntactWithACharsetParameter() throws Exception {
    String transcript =
        "assistant: नमस्ते! आपका ऑर्डर कल आएगा 🚚\nuser: ठीक है, धन्यवाद — merci, ¿vale?\n";
    ObjectNode campaign = fixture("futwork-campaign-post-call.json");
    campaign.put("callSid", UUID.randomUUID().toString());
    campaign.put("transcript", transcript);
    HttpResponse<String> response =
        Http.send(
            http.request("/webhooks/futwork")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Webhook-Secret", Http.SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(campaign)))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(recorder.campaigns.get(0).transcript().text()).isEqualTo(transcript);
  }

  @Test
  void aHalfMegabyteTranscriptIsAccepted() throws Exception {
    String transcript = "user: hello there, this is a long call\n".repeat(500 * 1024 / 38);
    ObjectNode campaign = fixture("futwork-campaign-post-call.json");
    campaign.put("callSid", UUID.randomUUID().toString());
    campaign.put("transcript", transcript);
    byte[] body = bytes(campaign);
    assertThat(body.length).isGreaterThan(500 * 1024).isLessThan(1024 * 1024);

    assertThat(http.deliver(body).statusCode()).isEqualTo(200);
    assertThat(recorder.campaigns.get(0).transcript().text()).isEqualTo(transcript);
  }
}
