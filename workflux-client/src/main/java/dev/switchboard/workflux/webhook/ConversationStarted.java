package dev.switchboard.workflux.webhook;

import dev.switchboard.workflux.internal.JsonFields;
import java.util.Map;

/**
 * A conversation started ({@code conversation.started}).
 *
 * @param id the event's id in the payload, or {@code null}
 * @param type the type as sent
 * @param createdAt when it happened, as sent, or {@code null}
 * @param data the event's body
 * @param rawJson the payload exactly as received
 */
public record ConversationStarted(
    String id, String type, String createdAt, Map<String, Object> data, String rawJson)
    implements WorkFluxEvent {

  /** Never a null body. */
  public ConversationStarted {
    data = JsonFields.copy(data);
  }
}
