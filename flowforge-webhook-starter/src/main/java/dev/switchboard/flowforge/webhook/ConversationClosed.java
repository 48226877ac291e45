package dev.switchboard.flowforge.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code conversation.closed}: a conversation with a chatbot or phone agent ended. Serialized with
 * the SDK's mapper it gives the documented JSON back.
 *
 * @param id the event's id
 * @param event the event name as sent
 * @param object the envelope's object type
 * @param createdAt when the event was created, as sent
 * @param data the conversation
 * @param createdAtInstant {@code createdAt} read as an instant
 * @param delivery the delivery's metadata (not part of the JSON)
 */
public record ConversationClosed(
    @JsonProperty("id") String id,
    @JsonProperty("event") String event,
    @JsonProperty("object") String object,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("data") Data data,
    @JsonIgnore Optional<Instant> createdAtInstant,
    @JsonIgnore WebhookDelivery delivery)
    implements FlowforgeEvent {

  /** Never a null {@code createdAtInstant}. */
  public ConversationClosed {
    createdAtInstant = createdAtInstant == null ? Optional.empty() : createdAtInstant;
  }

  /**
   * The closed conversation.
   *
   * @param widgetId the chat widget's id
   * @param chatCount how many messages the conversation had; null when absent or not a number
   * @param contactId the contact's id as sent; Flowforge sends {@code "None"} when there is none
   * @param deviceType the user's device, such as {@code desktop}
   * @param assistantId the assistant's id
   * @param firstMessage the conversation's first message
   * @param conversationId the conversation's id
   */
  public record Data(
      @JsonProperty("widget_id") String widgetId,
      @JsonProperty("chat_count") Integer chatCount,
      @JsonProperty("contact_id") String contactId,
      @JsonProperty("device_type") String deviceType,
      @JsonProperty("assistant_id") String assistantId,
      @JsonProperty("first_message") String firstMessage,
      @JsonProperty("conversation_id") String conversationId) {

    /**
     * The contact's id when there is one.
     *
     * @return the id; empty when absent, blank, {@code "None"} or {@code "null"}
     */
    @JsonIgnore
    public Optional<String> contactIdIfPresent() {
      if (contactId == null || contactId.isBlank()) {
        return Optional.empty();
      }
      String v = contactId.strip().toLowerCase(Locale.ROOT);
      return v.equals("none") || v.equals("null") ? Optional.empty() : Optional.of(contactId);
    }
  }
}
