package dev.switchboard.workflux.webhook;

import dev.switchboard.workflux.internal.JsonFields;
import java.util.Map;

/**
 * An event of a type the SDK has no record for (escalations, integration status updates, or a type
 * added later): its type, body and raw JSON, so it still reaches the application.
 *
 * @param id the event's id in the payload, or {@code null}
 * @param type the type as sent
 * @param createdAt when it happened, as sent, or {@code null}
 * @param data the event's body
 * @param rawJson the payload exactly as received
 */
public record UnknownWorkFluxEvent(
    String id, String type, String createdAt, Map<String, Object> data, String rawJson)
    implements WorkFluxEvent {

  /** Never a null body. */
  public UnknownWorkFluxEvent {
    data = JsonFields.copy(data);
  }
}
