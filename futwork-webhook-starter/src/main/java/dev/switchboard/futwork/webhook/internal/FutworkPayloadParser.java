package dev.switchboard.futwork.webhook.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.FutworkEvent;
import dev.switchboard.futwork.webhook.UnrecognizedFutworkPayload;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import java.util.Locale;
import java.util.Map;

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

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Override
  public ParsedDelivery<FutworkEvent> parse(WebhookRequest request) {
    JsonNode root = WebhookParser.readJson(request.body());
    if (root.isObject() && isCampaign(root)) {
      String callSid = text(root, "callSid");
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
        text(root, "recipientPhone"),
        map(root, "recipientData"),
        text(root, "referenceId"),
        text(root, "workflowId"),
        text(root, "disposition"),
        text(root, "recordingUrl"),
        text(root, "conversationMinutes"),
        map(root, "collectedData"),
        bool(root, "isTerminal"),
        text(root, "stage"),
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
                text(t, "direction"),
                text(t, "duration"),
                text(t, "toNumber"),
                text(t, "fromNumber"),
                text(t, "recordingUrl"),
                bool(t, "hostedTelephony"),
                text(t, "providerCallId"),
                text(t, "provider"),
                text(t, "hangupBy"),
                text(t, "hangupReason"),
                text(t, "hangupProviderCode"))
            : null;
    JsonNode c = root.path("contextDetails");
    CampaignPostCall.ContextDetails context =
        c.isObject()
            ? new CampaignPostCall.ContextDetails(
                text(c, "recipientPhoneNumber"),
                map(c, "recipientData"),
                text(c, "leadId"),
                text(c, "agentId"),
                text(c, "campaignId"))
            : null;
    return new CampaignPostCall(
        text(root, "callSid"),
        text(root, "leadId"),
        text(root, "campaignId"),
        text(root, "agentId"),
        text(root, "status"),
        telephony,
        context,
        text(root, "transcript"),
        text(root, "disposition"),
        map(root, "extractedData"),
        delivery);
  }

  /** A scalar's text; null for missing, null, objects and arrays. */
  static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  /** A boolean, also from {@code "true"}/{@code "false"} or 1/0; null otherwise. */
  static Boolean bool(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.asDouble() != 0;
    }
    if (node.isTextual()) {
      String s = node.textValue().trim().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    return null;
  }

  /** An object as a map; null for anything else. */
  static Map<String, Object> map(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      return null;
    }
    return Json.mapper().convertValue(node, MAP);
  }
}
