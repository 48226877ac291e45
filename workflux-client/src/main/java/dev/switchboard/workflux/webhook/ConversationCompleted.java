package dev.switchboard.workflux.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import java.util.Map;

/**
 * A conversation completed ({@code conversation.completed}).
 *
 * @param id the event's id in the payload, or {@code null}
 * @param type the type as sent
 * @param createdAt when it happened, as sent, or {@code null}
 * @param data the event's body
 * @param rawJson the payload exactly as received
 * @param delivery what arrived with the event (idempotency key, headers without signatures, time
 *     received), or {@code null} for an event not received by the endpoint; not part of the JSON
 */
public record ConversationCompleted(
    String id,
    String type,
    String createdAt,
    Map<String, Object> data,
    String rawJson,
    @JsonIgnore WebhookDelivery delivery)
    implements WorkFluxEvent {

  /** Never a null body. */
  public ConversationCompleted {
    data = data == null ? Map.of() : JsonFields.copy(data);
  }

  /**
   * An event without a delivery, as {@link WorkFluxEvents#parse(byte[])} makes it.
   *
   * @param id the event's id, or {@code null}
   * @param type the type as sent
   * @param createdAt when it happened, or {@code null}
   * @param data the event's body
   * @param rawJson the payload exactly as received
   */
  public ConversationCompleted(
      String id, String type, String createdAt, Map<String, Object> data, String rawJson) {
    this(id, type, createdAt, data, rawJson, null);
  }

  @Override
  public ConversationCompleted withDelivery(WebhookDelivery delivery) {
    return new ConversationCompleted(id, type, createdAt, data, rawJson, delivery);
  }
}
