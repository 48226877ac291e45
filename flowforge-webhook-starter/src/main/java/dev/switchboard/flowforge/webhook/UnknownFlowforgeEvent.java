package dev.switchboard.flowforge.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A Flowforge event whose name the SDK does not know yet, published rather than refused, so a new
 * event type reaches the application. Its {@code data} is kept as sent.
 *
 * @param id the event's id
 * @param event the event name as sent
 * @param object the envelope's object type
 * @param createdAt when the event was created, as sent
 * @param data the event's data object, in its order, with its null values
 * @param createdAtInstant {@code createdAt} read as an instant
 * @param delivery the delivery's metadata (not part of the JSON)
 */
public record UnknownFlowforgeEvent(
    @JsonProperty("id") String id,
    @JsonProperty("event") String event,
    @JsonProperty("object") String object,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("data") Map<String, Object> data,
    @JsonIgnore Optional<Instant> createdAtInstant,
    @JsonIgnore WebhookDelivery delivery)
    implements FlowforgeEvent {

  /** Makes the data read-only and never null, and never a null {@code createdAtInstant}. */
  public UnknownFlowforgeEvent {
    data = data == null ? Map.of() : JsonFields.copy(data);
    createdAtInstant = createdAtInstant == null ? Optional.empty() : createdAtInstant;
  }
}
