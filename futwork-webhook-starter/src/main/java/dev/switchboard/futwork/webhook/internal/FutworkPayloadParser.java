package dev.switchboard.futwork.webhook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.JsonFields;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.FutworkEvent;
import dev.switchboard.futwork.webhook.UnrecognizedFutworkPayload;
import dev.switchboard.futwork.webhook.WorkflowPostCall;

/**
 * Tells Futwork's two post-call shapes apart by their content and reads them tolerantly: a campaign
 * delivery has {@code callSid}, {@code campaignId} or {@code telephonyData}; a workflow delivery
 * has {@code workflowId}, {@code stage} or {@code isTerminal}; anything else that is valid JSON is
 * an {@link UnrecognizedFutworkPayload}.
 *
 * <p>Numbers sent where strings are documented keep their text ({@code 2.5} becomes {@code "2.5"}),
 * booleans sent as strings are read, and a value of the wrong kind becomes null rather than failing
 * the delivery (the raw JSON still holds it).
 */
public final class FutworkPayloadParser implements WebhookParser<FutworkEvent> {

  /** Event type of workflow deliveries in metrics. */
  public static final String WORKFLOW = "workflow_post_call";

  /** Event type of campaign deliveries in metrics. */
  public static final String CAMPAIGN = "campaign_post_call";

  /** Event type of unrecognized deliveries in metrics. */
  public static final String UNRECOGNIZED = "unrecognized";

  @Override
  public ParsedDelivery<FutworkEvent> parse(WebhookRequest request) {
    JsonNode root = WebhookParser.readJson(request.body());
    if (root.isObject() && isCampaign(root)) {
      String callSid = JsonFields.text(root, "callSid");
      String key = callSid == null || callSid.isBlank() ? request.bodySha256() : callSid;
      WebhookDelivery delivery = request.delivery(key);
      return new ParsedDelivery<>(campaign(root, delivery), delivery, CAMPAIGN);
    }
    WebhookDelivery delivery = request.delivery(request.bodySha256());
    if (root.isObject() && isWorkflow(root)) {
      return new ParsedDelivery<>(workflow(root, delivery), delivery, WORKFLOW);
    }
    return new ParsedDelivery<>(
        new UnrecognizedFutworkPayload(root, delivery), delivery, UNRECOGNIZED);
  }

  static boolean isCampaign(JsonNode root) {
    return root.hasNonNull("callSid")
        || root.hasNonNull("campaignId")
        || root.path("telephonyData").isObject();
  }

  static boolean isWorkflow(JsonNode root) {
    return root.hasNonNull("workflowId")
        || root.hasNonNull("stage")
        || root.hasNonNull("isTerminal");
  }

  /**
   * Reads a workflow post-call.
   *
   * @param root the JSON object
   * @param delivery the delivery to attach, may be null
   * @return the record
   */
  public static WorkflowPostCall workflow(JsonNode root, WebhookDelivery delivery) {
    return new WorkflowPostCall(
        JsonFields.text(root, "recipientPhone"),
        JsonFields.map(root, "recipientData"),
        JsonFields.text(root, "referenceId"),
        JsonFields.text(root, "workflowId"),
        JsonFields.text(root, "disposition"),
        JsonFields.text(root, "recordingUrl"),
        JsonFields.text(root, "conversationMinutes"),
        JsonFields.map(root, "collectedData"),
        JsonFields.bool(root, "isTerminal"),
        JsonFields.text(root, "stage"),
        delivery);
  }

  /**
   * Reads a campaign post-call.
   *
   * @param root the JSON object
   * @param delivery the delivery to attach, may be null
   * @return the record
   */
  public static CampaignPostCall campaign(JsonNode root, WebhookDelivery delivery) {
    JsonNode t = root.path("telephonyData");
    CampaignPostCall.TelephonyData telephony =
        t.isObject()
            ? new CampaignPostCall.TelephonyData(
                JsonFields.text(t, "direction"),
                JsonFields.text(t, "duration"),
                JsonFields.text(t, "toNumber"),
                JsonFields.text(t, "fromNumber"),
                JsonFields.text(t, "recordingUrl"),
                JsonFields.bool(t, "hostedTelephony"),
                JsonFields.text(t, "providerCallId"),
                JsonFields.text(t, "provider"),
                JsonFields.text(t, "hangupBy"),
                JsonFields.text(t, "hangupReason"),
                JsonFields.text(t, "hangupProviderCode"))
            : null;
    JsonNode c = root.path("contextDetails");
    CampaignPostCall.ContextDetails context =
        c.isObject()
            ? new CampaignPostCall.ContextDetails(
                JsonFields.text(c, "recipientPhoneNumber"),
                JsonFields.map(c, "recipientData"),
                JsonFields.text(c, "leadId"),
                JsonFields.text(c, "agentId"),
                JsonFields.text(c, "campaignId"))
            : null;
    return new CampaignPostCall(
        JsonFields.text(root, "callSid"),
        JsonFields.text(root, "leadId"),
        JsonFields.text(root, "campaignId"),
        JsonFields.text(root, "agentId"),
        JsonFields.text(root, "status"),
        telephony,
        context,
        JsonFields.text(root, "transcript"),
        JsonFields.text(root, "disposition"),
        JsonFields.map(root, "extractedData"),
        delivery);
  }
}
