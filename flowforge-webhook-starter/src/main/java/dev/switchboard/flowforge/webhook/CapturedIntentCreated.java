package dev.switchboard.flowforge.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code captured_intent.created} (sent as {@code capturedintent.created} too): Flowforge captured
 * a user's intent during a conversation. Serialized with the SDK's mapper it gives the documented
 * JSON back.
 *
 * @param id the event's id
 * @param event the event name as sent
 * @param object the envelope's object type
 * @param createdAt when the event was created, as sent
 * @param data the intent
 * @param createdAtInstant {@code createdAt} read as an instant
 * @param delivery the delivery's metadata (not part of the JSON)
 */
public record CapturedIntentCreated(
    @JsonProperty("id") String id,
    @JsonProperty("event") String event,
    @JsonProperty("object") String object,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("data") Data data,
    @JsonIgnore Optional<Instant> createdAtInstant,
    @JsonIgnore WebhookDelivery delivery)
    implements FlowforgeEvent {

  /** Never a null {@code createdAtInstant}. */
  public CapturedIntentCreated {
    createdAtInstant = createdAtInstant == null ? Optional.empty() : createdAtInstant;
  }

  /**
   * The captured intent.
   *
   * @param intentId the intent's id
   * @param intentName the intent's name, such as {@code SALES}
   * @param chatCount how many messages the conversation had; null when absent or not a number
   * @param deviceType the user's device, such as {@code mobile}
   * @param widgetId the chat widget's id
   * @param assistantId the assistant's id
   * @param conversationId the conversation's id
   */
  public record Data(
      @JsonProperty("intent_id") String intentId,
      @JsonProperty("intent_name") String intentName,
      @JsonProperty("chat_count") Integer chatCount,
      @JsonProperty("device_type") String deviceType,
      @JsonProperty("widget_id") String widgetId,
      @JsonProperty("assistant_id") String assistantId,
      @JsonProperty("conversation_id") String conversationId) {}
}
