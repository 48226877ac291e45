package dev.switchboard.futwork.webhook.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookJson;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.FutworkEvent;
import dev.switchboard.futwork.webhook.Transcript;
import dev.switchboard.futwork.webhook.UnrecognizedFutworkPayload;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * Tells Futwork's two post-call shapes apart by their content and reads them tolerantly: a campaign
 * delivery has {@code callSid}, {@code campaignId} or {@code telephonyData}; a workflow delivery
 * has {@code referenceId} (the one field the document makes required) with any post-call field
 * ({@code disposition}, {@code recordingUrl}, {@code conversationMinutes}, {@code collectedData},
 * {@code recipientPhone}), or {@code workflowId}, {@code stage} or {@code isTerminal}; any other
 * JSON object is an {@link UnrecognizedFutworkPayload}. A body that is not a JSON object is refused
 * (400).
 *
 * <p>Futwork sends no delivery id, and nothing says a call gets one delivery only: a later delivery
 * for the same call (a status update) is a new delivery. The idempotency key is therefore the
 * SHA-256 of the body's bytes, so only an exact resend is a duplicate; listeners fold updates by
 * {@code callSid} or {@code referenceId}.
 *
 * <p>Numbers sent where strings are documented keep their text ({@code 2.5} becomes {@code "2.5"}),
 * booleans sent as strings are read, and a value of the wrong kind becomes null rather than failing
 * the delivery (the raw JSON still holds it).
 *
 * <p>The body is read in one streaming pass straight into the fields of both shapes, without a JSON
 * tree; only a body of neither shape (rare) is read again as a tree for {@link
 * UnrecognizedFutworkPayload}.
 */
public final class FutworkPayloadParser implements WebhookParser<FutworkEvent> {

  /** Event type of workflow deliveries in metrics. */
  public static final String WORKFLOW = "workflow_post_call";

  /** Event type of campaign deliveries in metrics. */
  public static final String CAMPAIGN = "campaign_post_call";

  /** Event type of unrecognized deliveries in metrics. */
  public static final String UNRECOGNIZED = "unrecognized";

  /** The workflow post-call fields besides referenceId; any one of them with it marks the shape. */
  private static final Set<String> POST_CALL_FIELDS =
      Set.of(
          "disposition",
          "recordingUrl",
          "conversationMinutes",
          "collectedData",
          "recipientPhone",
          "recipientData");

  @Override
  public ParsedDelivery<FutworkEvent> parse(WebhookRequest request) {
    byte[] body = request.body();
    Fields f = objectOf(body);
    WebhookDelivery delivery = request.delivery(request.bodySha256());
    FutworkEvent event = event(f, body, delivery);
    return new ParsedDelivery<>(event, delivery, type(event));
  }

  /**
   * Reads a body into its record without delivery metadata: what {@link FutworkEvent#parse} does.
   *
   * @param body the raw body
   * @return the record, its delivery null
   * @throws WebhookPayloadException when the body is not a JSON object
   */
  public static FutworkEvent read(byte[] body) {
    byte[] own = body.clone(); // the transcript is decoded from it later; the caller's may change
    return event(objectOf(own), own, null);
  }

  private static Fields objectOf(byte[] body) {
    Fields f = WebhookJson.read(body, p -> fields(p, body));
    if (f == null) {
      throw new WebhookPayloadException("A Futwork delivery must be a JSON object.");
    }
    return f;
  }

  private static FutworkEvent event(Fields f, byte[] body, WebhookDelivery delivery) {
    if (f.campaignShaped()) {
      return f.campaign(delivery);
    }
    if (f.workflowShaped()) {
      return f.workflow(delivery);
    }
    return new UnrecognizedFutworkPayload(WebhookParser.readJson(body), delivery);
  }

  private static String type(FutworkEvent event) {
    return event instanceof CampaignPostCall
        ? CAMPAIGN
        : event instanceof WorkflowPostCall ? WORKFLOW : UNRECOGNIZED;
  }

  /**
   * Every field either shape has, read in one pass; null when the body is not an object. The body
   * is the parser's input, kept unchanged for as long as the records read from it live.
   */
  private static Fields fields(JsonParser p, byte[] body) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Fields f = new Fields();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      boolean present = value != JsonToken.VALUE_NULL;
      if (present && POST_CALL_FIELDS.contains(name)) {
        f.postCallFieldPresent = true;
      }
      switch (name) {
        case "recipientPhone" -> f.recipientPhone = WebhookJson.text(p);
        case "recipientData" -> f.recipientData = WebhookJson.map(p);
        case "referenceId" -> f.referenceId = WebhookJson.text(p);
        case "workflowId" -> {
          f.workflowIdPresent = present;
          f.workflowId = WebhookJson.text(p);
        }
        case "disposition" -> f.disposition = WebhookJson.text(p);
        case "recordingUrl" -> f.recordingUrl = WebhookJson.text(p);
        case "conversationMinutes" -> f.conversationMinutes = WebhookJson.text(p);
        case "collectedData" -> f.collectedData = WebhookJson.map(p);
        case "isTerminal" -> {
          f.isTerminalPresent = present;
          f.isTerminal = WebhookJson.bool(p);
        }
        case "stage" -> {
          f.stagePresent = present;
          f.stage = WebhookJson.text(p);
        }
        case "callSid" -> {
          f.callSidPresent = present;
          f.callSid = WebhookJson.text(p);
        }
        case "leadId" -> f.leadId = WebhookJson.text(p);
        case "campaignId" -> {
          f.campaignIdPresent = present;
          f.campaignId = WebhookJson.text(p);
        }
        case "agentId" -> f.agentId = WebhookJson.text(p);
        case "status" -> f.status = WebhookJson.text(p);
        case "telephonyData" -> f.telephonyData = telephony(p);
        case "contextDetails" -> f.contextDetails = context(p);
        case "transcript" -> f.transcript = transcript(p, body);
        case "extractedData" -> f.extractedData = WebhookJson.map(p);
        default -> p.skipChildren();
      }
    }
    return f;
  }

  /**
   * A transcript sent as a JSON string is decoded from the body when first read: the parser skips
   * it here, checking that it is well formed (escapes and UTF-8) without building its text, which
   * for a long call is most of the delivery's parsing. Any other kind of value is read now, as the
   * other text fields are.
   */
  private static Transcript transcript(JsonParser p, byte[] body) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      long at = p.currentTokenLocation().getByteOffset();
      if (at >= 0 && at < body.length && body[(int) at] == '"') {
        int quote = (int) at;
        return Transcript.lazy(() -> decodeString(body, quote));
      }
    }
    String text = WebhookJson.text(p);
    return text == null ? null : Transcript.of(text);
  }

  /** Decodes the JSON string whose opening quote is at {@code quote}; it was checked on arrival. */
  private static String decodeString(byte[] body, int quote) {
    try (JsonParser p = Json.mapper().getFactory().createParser(body, quote, body.length - quote)) {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new IllegalStateException("No JSON string at offset " + quote);
      }
      return p.getText();
    } catch (IOException e) {
      throw new UncheckedIOException("The transcript checked on arrival could not be decoded", e);
    }
  }

  private static CampaignPostCall.TelephonyData telephony(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String direction = null;
    String duration = null;
    String toNumber = null;
    String fromNumber = null;
    String recordingUrl = null;
    Boolean hostedTelephony = null;
    String providerCallId = null;
    String provider = null;
    String hangupBy = null;
    String hangupReason = null;
    String hangupProviderCode = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "direction" -> direction = WebhookJson.text(p);
        case "duration" -> duration = WebhookJson.text(p);
        case "toNumber" -> toNumber = WebhookJson.text(p);
        case "fromNumber" -> fromNumber = WebhookJson.text(p);
        case "recordingUrl" -> recordingUrl = WebhookJson.text(p);
        case "hostedTelephony" -> hostedTelephony = WebhookJson.bool(p);
        case "providerCallId" -> providerCallId = WebhookJson.text(p);
        case "provider" -> provider = WebhookJson.text(p);
        case "hangupBy" -> hangupBy = WebhookJson.text(p);
        case "hangupReason" -> hangupReason = WebhookJson.text(p);
        case "hangupProviderCode" -> hangupProviderCode = WebhookJson.text(p);
        default -> p.skipChildren();
      }
    }
    return new CampaignPostCall.TelephonyData(
        direction,
        duration,
        toNumber,
        fromNumber,
        recordingUrl,
        hostedTelephony,
        providerCallId,
        provider,
        hangupBy,
        hangupReason,
        hangupProviderCode);
  }

  private static CampaignPostCall.ContextDetails context(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String recipientPhoneNumber = null;
    Map<String, Object> recipientData = null;
    String leadId = null;
    String agentId = null;
    String campaignId = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "recipientPhoneNumber" -> recipientPhoneNumber = WebhookJson.text(p);
        case "recipientData" -> recipientData = WebhookJson.map(p);
        case "leadId" -> leadId = WebhookJson.text(p);
        case "agentId" -> agentId = WebhookJson.text(p);
        case "campaignId" -> campaignId = WebhookJson.text(p);
        default -> p.skipChildren();
      }
    }
    return new CampaignPostCall.ContextDetails(
        recipientPhoneNumber, recipientData, leadId, agentId, campaignId);
  }

  /** The fields of both shapes, and whether the ones that tell them apart were sent non-null. */
  private static final class Fields {
    String recipientPhone;
    Map<String, Object> recipientData;
    String referenceId;
    String workflowId;
    String disposition;
    String recordingUrl;
    String conversationMinutes;
    Map<String, Object> collectedData;
    Boolean isTerminal;
    String stage;
    String callSid;
    String leadId;
    String campaignId;
    String agentId;
    String status;
    CampaignPostCall.TelephonyData telephonyData;
    CampaignPostCall.ContextDetails contextDetails;
    Transcript transcript;
    Map<String, Object> extractedData;
    boolean workflowIdPresent;
    boolean isTerminalPresent;
    boolean stagePresent;
    boolean callSidPresent;
    boolean campaignIdPresent;
    boolean postCallFieldPresent;

    boolean campaignShaped() {
      return callSidPresent || campaignIdPresent || telephonyData != null;
    }

    boolean workflowShaped() {
      return workflowIdPresent
          || stagePresent
          || isTerminalPresent
          || (referenceId != null && !referenceId.isBlank() && postCallFieldPresent);
    }

    WorkflowPostCall workflow(WebhookDelivery delivery) {
      return new WorkflowPostCall(
          recipientPhone,
          recipientData,
          referenceId,
          workflowId,
          disposition,
          recordingUrl,
          conversationMinutes,
          collectedData,
          isTerminal,
          stage,
          delivery);
    }

    CampaignPostCall campaign(WebhookDelivery delivery) {
      return new CampaignPostCall(
          callSid,
          leadId,
          campaignId,
          agentId,
          status,
          telephonyData,
          contextDetails,
          transcript,
          disposition,
          extractedData,
          delivery);
    }
  }
}
