package dev.switchboard.futwork.webhook.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.core.webhook.internal.WebhookJson;
import dev.switchboard.core.webhook.internal.WebhookJson.Sent;
import dev.switchboard.core.webhook.internal.WebhookJson.SentObject;
import dev.switchboard.futwork.webhook.CampaignPostCall;
import dev.switchboard.futwork.webhook.FutworkEvent;
import dev.switchboard.futwork.webhook.UnrecognizedFutworkPayload;
import dev.switchboard.futwork.webhook.WorkflowPostCall;
import java.util.function.Function;

/**
 * Tells Futwork's two post-call shapes apart by their content and reads them by data binding: a
 * campaign delivery has {@code callSid}, {@code campaignId} or a {@code telephonyData} object; a
 * workflow delivery has {@code referenceId} (the one field the document makes required) with any
 * post-call field ({@code disposition}, {@code recordingUrl}, {@code conversationMinutes}, {@code
 * collectedData}, {@code recipientPhone}, {@code recipientData}), or {@code workflowId}, {@code
 * stage} or {@code isTerminal}; any other JSON object is an {@link UnrecognizedFutworkPayload}. A
 * body that is not a JSON object is refused (400).
 *
 * <p>Futwork sends no delivery id, and nothing says a call gets one delivery only: a later delivery
 * for the same call (a status update) is a new delivery. The idempotency key is therefore the
 * SHA-256 of the body's bytes, so only an exact resend is a duplicate; listeners fold updates by
 * {@code callSid} or {@code referenceId}.
 *
 * <p>The records are read with sdk-core's tolerant reads ({@link WebhookJson}): numbers sent where
 * strings are documented keep their text, booleans sent as strings are read, and a value of the
 * wrong kind becomes null rather than failing the delivery (the raw JSON still holds it).
 */
public final class FutworkPayloadParser implements WebhookParser<FutworkEvent> {

  /** Event type of workflow deliveries in metrics. */
  public static final String WORKFLOW = "workflow_post_call";

  /** Event type of campaign deliveries in metrics. */
  public static final String CAMPAIGN = "campaign_post_call";

  /** Event type of unrecognized deliveries in metrics. */
  public static final String UNRECOGNIZED = "unrecognized";

  private static final ObjectReader SHAPE = WebhookJson.reader(Shape.class);
  private static final ObjectReader WORKFLOW_CALL = WebhookJson.reader(WorkflowPostCall.class);
  private static final ObjectReader CAMPAIGN_CALL = WebhookJson.reader(CampaignPostCall.class);
  private static final Function<String, String> NOT_AN_OBJECT =
      kind -> "A Futwork delivery must be a JSON object.";

  @Override
  public ParsedDelivery<FutworkEvent> parse(WebhookRequest request) {
    byte[] body = request.body();
    WebhookDelivery delivery = request.delivery(request.bodySha256());
    FutworkEvent event = event(body, delivery);
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
    return event(body.clone(), null); // the transcript is decoded from it later; keep our own
  }

  private static FutworkEvent event(byte[] body, WebhookDelivery delivery) {
    Shape shape = WebhookJson.read(body, SHAPE, NOT_AN_OBJECT);
    if (shape.campaign()) {
      CampaignPostCall call =
          WebhookJson.read(body, TranscriptReader.from(body, CAMPAIGN_CALL), NOT_AN_OBJECT);
      return delivery == null ? call : call.withDelivery(delivery);
    }
    if (shape.workflow()) {
      WorkflowPostCall call = WebhookJson.read(body, WORKFLOW_CALL, NOT_AN_OBJECT);
      return delivery == null ? call : call.withDelivery(delivery);
    }
    return new UnrecognizedFutworkPayload(WebhookJson.readMap(body, NOT_AN_OBJECT), delivery);
  }

  private static String type(FutworkEvent event) {
    return event instanceof CampaignPostCall
        ? CAMPAIGN
        : event instanceof WorkflowPostCall ? WORKFLOW : UNRECOGNIZED;
  }

  /**
   * The fields that tell the shapes apart: whether each was sent with a non-null value (a {@code
   * telephonyData} only counts as an object), and the reference id's text.
   */
  record Shape(
      Sent callSid,
      Sent campaignId,
      SentObject telephonyData,
      Sent workflowId,
      Sent stage,
      Sent isTerminal,
      String referenceId,
      Sent disposition,
      Sent recordingUrl,
      Sent conversationMinutes,
      Sent collectedData,
      Sent recipientPhone,
      Sent recipientData) {

    boolean campaign() {
      return callSid != null || campaignId != null || telephonyData != null;
    }

    boolean workflow() {
      boolean postCallField =
          disposition != null
              || recordingUrl != null
              || conversationMinutes != null
              || collectedData != null
              || recipientPhone != null
              || recipientData != null;
      return workflowId != null
          || stage != null
          || isTerminal != null
          || (referenceId != null && !referenceId.isBlank() && postCallField);
    }
  }
}
