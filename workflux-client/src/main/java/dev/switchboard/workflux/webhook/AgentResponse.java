package dev.switchboard.workflux.webhook;

import dev.switchboard.workflux.internal.JsonFields;
import java.util.Map;

/**
 * An agent responded in a conversation ({@code agent.response}).
 *
 * @param id the event's id in the payload, or {@code null}
 * @param type the type as sent
 * @param createdAt when it happened, as sent, or {@code null}
 * @param data the event's body
 * @param rawJson the payload exactly as received
 */
public record AgentResponse(
    String id, String type, String createdAt, Map<String, Object> data, String rawJson)
    implements WorkFluxEvent {

  /** Never a null body. */
  public AgentResponse {
    data = JsonFields.copy(data);
  }
}
