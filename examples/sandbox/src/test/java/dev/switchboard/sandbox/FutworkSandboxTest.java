package dev.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.futwork.lead.BulkResult;
import dev.switchboard.futwork.lead.CampaignLead;
import dev.switchboard.futwork.lead.LeadClient;
import dev.switchboard.futwork.lead.LeadSubmission;
import dev.switchboard.futwork.lead.WorkflowLead;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FutworkSandboxTest {

  private static final Map<String, String> KEY = Map.of("x-api-key", "test-key");
  private static final String WORKFLOW_LEAD =
      "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{\"customer_name\":\"Asha"
          + " Rao\",\"place\":\"Pune\"},\"referenceId\":\"AWB-1\"}";

  private TestReceiver receiver;
  private Sandbox sandbox;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver();
    sandbox = sandbox(42).start();
    client = new Client(sandbox);
  }

  private Sandbox.Builder sandbox(long seed) {
    return Sandbox.builder()
        .seed(seed)
        .futworkApiKey("test-key")
        .futworkCallbackUrl(receiver.url("/webhooks/futwork"))
        .futworkWebhookSecret("hook-secret")
        .callDelay(Duration.ZERO, Duration.ZERO)
        .deliveryRetry(3, Duration.ZERO, Duration.ZERO);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void refusesAMissingOrWrongKey() throws Exception {
    Client.Answer missing = client.post("/omni/api/workflows/wf_1/leads", WORKFLOW_LEAD, Map.of());
    Client.Answer wrong =
        client.post("/omni/api/workflows/wf_1/leads", WORKFLOW_LEAD, Map.of("x-api-key", "nope"));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.json().path("message").asText()).contains("x-api-key");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.response().body()).doesNotContain("test-key");
    assertThat(sandbox.acceptedLeads()).isZero();
  }

  @Test
  void validatesAsThePlatformWould() throws Exception {
    String path = "/omni/api/workflows/wf_1/leads";
    Client.Answer shortPhone =
        client.post(
            path,
            "{\"recipientPhoneNumber\":\"99997\",\"recipientData\":{},\"referenceId\":\"R\"}",
            KEY);
    Client.Answer e164 =
        client.post(
            path,
            "{\"recipientPhoneNumber\":\"+919999789877\",\"recipientData\":{},\"referenceId\":\"R\"}",
            KEY);
    Client.Answer dataNotObject =
        client.post(
            path,
            "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":\"x\",\"referenceId\":\"R\"}",
            KEY);
    Client.Answer noReference =
        client.post(path, "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{}}", KEY);
    Client.Answer notJson = client.post(path, "{recipientPhoneNumber:", KEY);

    assertThat(shortPhone.status()).isEqualTo(400);
    assertThat(shortPhone.json().path("field").asText()).isEqualTo("recipientPhoneNumber");
    assertThat(shortPhone.json().path("message").asText()).contains("10-digit");
    assertThat(e164.status()).isEqualTo(400);
    assertThat(dataNotObject.status()).isEqualTo(400);
    assertThat(dataNotObject.json().path("field").asText()).isEqualTo("recipientData");
    assertThat(noReference.status()).isEqualTo(400);
    assertThat(noReference.json().path("field").asText()).isEqualTo("referenceId");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().path("message").asText()).contains("not valid JSON");
    assertThat(sandbox.acceptedLeads()).isZero();
  }

  @Test
  void campaignLeadsNeedNoReferenceAndUnknownRoutesAre404() throws Exception {
    Client.Answer campaign =
        client.post(
            "/platform/api/campaigns/c1/leads",
            "{\"recipientPhoneNumber\":\"9999789877\",\"recipientData\":{}}",
            KEY);
    Client.Answer wrongPath = client.post("/omni/api/v1/workflows/wf_1/leads", WORKFLOW_LEAD, KEY);
    Client.Answer get = client.get("/omni/api/workflows/wf_1/leads", KEY);

    assertThat(campaign.status()).isEqualTo(200);
    assertThat(campaign.json().path("data").path("leadId").asText()).hasSize(24);
    assertThat(wrongPath.status()).isEqualTo(404);
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.header("Allow")).isEqualTo("POST");
  }

  @Test
  void postsAWorkflowOutcomeEchoingTheLeadWithTheSecret() throws Exception {
    Client.Answer answer = client.post("/omni/api/workflows/wf_6512/leads", WORKFLOW_LEAD, KEY);
    assertThat(answer.status()).isEqualTo(200);

    JsonNode last = terminalDelivery("AWB-1");

    assertThat(last.path("recipientPhone").asText()).isEqualTo("9999789877");
    assertThat(last.path("recipientData").path("customer_name").asText()).isEqualTo("Asha Rao");
    assertThat(last.path("recipientData").path("place").asText()).isEqualTo("Pune");
    assertThat(last.path("referenceId").asText()).isEqualTo("AWB-1");
    assertThat(last.path("workflowId").asText()).isEqualTo("wf_6512");
    assertThat(last.path("disposition").asText()).isNotBlank();
    assertThat(last.path("stage").asText()).isNotBlank();
    assertThat(last.path("conversationMinutes").isTextual()).isTrue();
    assertThat(Double.parseDouble(last.path("conversationMinutes").asText())).isNotNegative();
    assertThat(last.path("collectedData").isObject()).isTrue();
    assertThat(last.has("recordingUrl")).isTrue();
  }

  private JsonNode terminalDelivery(String referenceId) throws InterruptedException {
    while (true) {
      TestReceiver.Received delivery = receiver.next();
      assertThat(delivery.path()).isEqualTo("/webhooks/futwork");
      assertThat(delivery.header("X-Webhook-Secret")).isEqualTo("hook-secret");
      assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
      JsonNode json = delivery.json();
      assertThat(json.path("referenceId").asText()).isEqualTo(referenceId);
      if (json.path("isTerminal").asBoolean()) {
        return json;
      }
      assertThat(json.path("stage").asText()).isEqualTo("retry_scheduled");
    }
  }

  @Test
  void postsACampaignOutcomeInTheDocumentedShape() throws Exception {
    client.post(
        "/platform/api/campaigns/68ecc86fd9fbecbe9431a18e/leads",
        "{\"recipientPhoneNumber\":\"8076405599\",\"recipientData\":{\"customer_name\":\"Ravi\"}}",
        KEY);

    TestReceiver.Received delivery = receiver.next();
    JsonNode json = delivery.json();

    assertThat(delivery.header("X-Webhook-Secret")).isEqualTo("hook-secret");
    assertThat(json.path("callSid").asText()).hasSize(36);
    assertThat(json.path("campaignId").asText()).isEqualTo("68ecc86fd9fbecbe9431a18e");
    assertThat(json.path("status").asText()).isNotBlank();
    JsonNode telephony = json.path("telephonyData");
    assertThat(telephony.path("toNumber").asText()).isEqualTo("+918076405599");
    assertThat(telephony.path("duration").isTextual()).isTrue();
    assertThat(telephony.path("direction").asText()).isEqualTo("outbound");
    assertThat(telephony.has("hangupBy")).isTrue();
    JsonNode context = json.path("contextDetails");
    assertThat(context.path("recipientPhoneNumber").asText()).isEqualTo("+918076405599");
    assertThat(context.path("recipientData").path("customer_name").asText()).isEqualTo("Ravi");
    assertThat(context.path("leadId").asText()).isEqualTo(json.path("leadId").asText());
    assertThat(json.has("transcript")).isTrue();
    assertThat(json.has("extractedData")).isTrue();
    if (json.path("status").asText().equals("call-disconnected")) {
      assertThat(json.path("transcript").asText()).contains("Ravi");
      assertThat(telephony.path("recordingUrl").asText()).startsWith("https://");
    } else {
      assertThat(json.path("disposition").asText()).isEmpty();
      assertThat(json.path("extractedData").isNull()).isTrue();
    }
  }

  @Test
  void outcomesVaryFromCallToCallAndRepeatWithTheSeed() throws Exception {
    List<String> first = dispositions(sandbox, receiver);
    sandbox.close();
    sandbox = sandbox(42).start();
    client = new Client(sandbox);
    List<String> again = dispositions(sandbox, receiver);
    sandbox.close();
    sandbox = sandbox(7).start();
    client = new Client(sandbox);
    List<String> otherSeed = dispositions(sandbox, receiver);

    assertThat(new HashSet<>(first)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  /** Submits 12 leads one by one and returns each lead's final disposition, in order. */
  private List<String> dispositions(Sandbox sandbox, TestReceiver receiver) throws Exception {
    Client client = new Client(sandbox);
    return IntStream.range(0, 12)
        .mapToObj(
            i -> {
              try {
                String lead =
                    WORKFLOW_LEAD.replace("AWB-1", "AWB-" + i).replace("9877", 1000 + i + "");
                assertThat(client.post("/omni/api/workflows/wf/leads", lead, KEY).status())
                    .isEqualTo(200);
                return terminalDelivery("AWB-" + i).path("disposition").asText();
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  @Test
  void theSdksLeadClientSubmitsToItAndEveryLeadGetsAnOutcome() throws Exception {
    LeadClient leads =
        LeadClient.builder()
            .apiKey("test-key")
            .workflowsBaseUrl(sandbox.futworkWorkflowsBaseUrl())
            .campaignsBaseUrl(sandbox.futworkCampaignsBaseUrl())
            .build();

    BulkResult result =
        leads.submitAll(
            List.of(
                LeadSubmission.workflow(
                    "wf_6512",
                    WorkflowLead.of("+91 99997-89877", Map.of("customer_name", "A"), "REF-1")),
                LeadSubmission.campaign(
                    "cmp_1", CampaignLead.of("08076405599", Map.of("customer_name", "B")))));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.outcomes().get(0).receipt().leadId()).isPresent();
    Set<String> kinds = new HashSet<>();
    while (kinds.size() < 2) {
      JsonNode json = receiver.next().json();
      kinds.add(json.has("callSid") ? "campaign" : json.path("referenceId").asText());
    }
    assertThat(kinds).containsExactlyInAnyOrder("campaign", "REF-1");
  }
}
