package dev.switchboard.futwork.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import java.util.Map;

/**
 * A JSON object delivery that is neither a workflow nor a campaign post-call: published rather than
 * dropped, so nothing is lost when Futwork adds a shape. Answered 200 and counted with event type
 * {@code unrecognized}.
 *
 * @param json the object's fields, read-only, in their order, null values kept: nested objects as
 *     maps, arrays as lists, numbers as {@link Number}s (its serialized form)
 * @param delivery the delivery's metadata, with the raw bytes
 */
public record UnrecognizedFutworkPayload(
    @JsonValue Map<String, Object> json, @JsonIgnore WebhookDelivery delivery)
    implements FutworkEvent {

  /** Makes the fields read-only, so the event cannot change after it was published. */
  public UnrecognizedFutworkPayload {
    json = json == null ? Map.of() : JsonFields.copy(json);
  }
}
