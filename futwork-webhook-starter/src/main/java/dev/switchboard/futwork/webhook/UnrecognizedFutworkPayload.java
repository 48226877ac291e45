package dev.switchboard.futwork.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.webhook.WebhookDelivery;

/**
 * A JSON object delivery that is neither a workflow nor a campaign post-call: published rather than
 * dropped, so nothing is lost when Futwork adds a shape. Answered 200 and counted with event type
 * {@code unrecognized}.
 *
 * @param json the parsed JSON (its serialized form)
 * @param delivery the delivery's metadata, with the raw bytes
 */
public record UnrecognizedFutworkPayload(
    @JsonValue JsonNode json, @JsonIgnore WebhookDelivery delivery) implements FutworkEvent {

  /** Copies the JSON, so the event cannot change after it was published. */
  public UnrecognizedFutworkPayload {
    json = json == null ? null : json.deepCopy();
  }
}
