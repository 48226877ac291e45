package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.json.internal.Json;
import dev.switchboard.flowforge.webhook.CapturedFormCreated;
import dev.switchboard.flowforge.webhook.CapturedIntentCreated;
import dev.switchboard.flowforge.webhook.ConversationClosed;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import dev.switchboard.workflux.webhook.StandardWebhooks;
import dev.switchboard.workflux.webhook.UnknownWorkFluxEvent;
import dev.switchboard.workflux.webhook.VerificationResult;
import dev.switchboard.workflux.webhook.WebhookHeaders;
import dev.switchboard.workflux.webhook.WorkFluxEvent;
import dev.switchboard.workflux.webhook.WorkFluxEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the sandbox posts reads back into the SDK's records, and its WorkFlux signatures verify. */
class SdkRecordsTest {

  private static final Map<String, String> KEY = Map.of("x-api-key", "k");

  private TestReceiver receiver;
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
    sandbox =
        Sandbox.builder()
            .futworkApiKey("k")
            .futworkCallbackUrl(receiver.url("/hook"))
            .flowforgeCallbackUrl(receiver.url("/flowforge"))
            .callDelay(Duration.ZERO, Duration.ZERO)
            .start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void workflowDeliveriesReadAsWorkflowPostCall() throws Exception {
    new Client(sandbox)
        .post(
            "/omni/api/workflows/wf_9/leads",
            "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{\"customer_name\":\"Asha\"},"
                + "\"referenceId\":\"AWB-7\"}",
            KEY);

    WorkflowPostCall call;
    do {
      call = Json.mapper().readValue(receiver.next().body(), WorkflowPostCall.class);
    } while (!call.terminal());

    assertThat(call.referenceId()).isEqualTo("AWB-7");
    assertThat(call.workflowId()).isEqualTo("wf_9");
    assertThat(call.recipientPhoneTenDigits()).contains("9999789877");
    assertThat(call.recipientDataOrEmpty()).containsEntry("customer_name", "Asha");
    assertThat(call.dispositionIfPresent()).isPresent();
    assertThat(call.conversationDuration()).isPresent();
  }

  @Test
  void campaignDeliveriesReadAsCampaignPostCall() throws Exception {
    new Client(sandbox)
        .post(
            "/platform/api/campaigns/cmp_9/leads",
            "{\"recipientPhoneNumber\":\"8076405599\",\"recipientData\":{\"customer_name\":\"Ravi\"}}",
            KEY);

    CampaignPostCall call = Json.mapper().readValue(receiver.next().body(), CampaignPostCall.class);

    assertThat(call.campaignId()).isEqualTo("cmp_9");
    assertThat(call.callSid()).isNotBlank();
    assertThat(call.telephonyData().toNumberTenDigits()).contains("8076405599");
    assertThat(call.contextDetails().recipientDataOrEmpty()).containsEntry("customer_name", "Ravi");
    assertThat(call.contextDetails().leadId()).isEqualTo(call.leadId());
    assertThat(call.callDuration()).isPresent();
  }

  @Test
  void flowforgeDeliveriesReadAsTheFlowforgeRecords() throws Exception {
    new Client(sandbox)
        .post(
            "/flowforge/conversations",
            "{\"field_values\":{\"email\":\"s@example.com\"},\"intent_name\":\"SALES\"}",
            Map.of());
    List<TestReceiver.Received> events = receiver.next(3);

    CapturedFormCreated form =
        Json.mapper().readValue(events.get(0).body(), CapturedFormCreated.class);
    CapturedIntentCreated intent =
        Json.mapper().readValue(events.get(1).body(), CapturedIntentCreated.class);
    ConversationClosed closed =
        Json.mapper().readValue(events.get(2).body(), ConversationClosed.class);

    assertThat(form.data().fieldValues()).containsEntry("email", "s@example.com");
    assertThat(intent.data().intentName()).isEqualTo("SALES");
    assertThat(closed.data().conversationId()).isEqualTo(form.data().conversationId());
    assertThat(closed.object()).isEqualTo("event");
  }

  @Test
  void workfluxEventsPassTheSdksSignatureCheckAndParse() throws Exception {
    Client client = new Client(sandbox);
    String token =
        client
            .post(
                "/workflux/v1/auth/token",
                "{\"client_id\":\"sandbox-client\",\"client_secret\":\"sandbox-secret\","
                    + "\"grant_type\":\"client_credentials\"}",
                Map.of())
            .json()
            .path("access_token")
            .asText();
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    String id =
        client
            .post(
                "/workflux/v1/webhooks",
                "{\"url\":\"" + receiver.url("/wfx") + "\",\"secret\":\"subscription-secret\"}",
                bearer)
            .json()
            .path("id")
            .asText();

    client.post("/workflux/v1/webhooks/" + id + "/test", "", bearer);
    TestReceiver.Received delivery = receiver.next();

    VerificationResult result =
        StandardWebhooks.of("subscription-secret")
            .verify(WebhookHeaders.of(delivery.headers()), delivery.body());
    assertThat(result.valid()).as(result.message()).isTrue();
    assertThat(
            StandardWebhooks.of("another-secret")
                .verify(WebhookHeaders.of(delivery.headers()), delivery.body())
                .valid())
        .isFalse();
    WorkFluxEvent event = WorkFluxEvents.parse(delivery.body());
    assertThat(event).isInstanceOf(UnknownWorkFluxEvent.class);
    assertThat(((UnknownWorkFluxEvent) event).type()).isEqualTo("webhook.test");
  }
}
