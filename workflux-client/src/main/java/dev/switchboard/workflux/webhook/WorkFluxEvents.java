package dev.switchboard.workflux.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.workflux.internal.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a verified delivery's raw bytes into a {@link WorkFluxEvent}.
 *
 * <p>The payload format is undocumented; the SDK assumes a JSON object with the type in {@code
 * type} (or {@code event}), the body in {@code data}, an optional {@code id} and {@code created_at}
 * (or {@code timestamp}). Unknown fields never fail a delivery; an unknown type gives {@link
 * UnknownWorkFluxEvent}.
 */
public final class WorkFluxEvents {

  /** The type of {@link ConversationStarted}. */
  public static final String CONVERSATION_STARTED = "conversation.started";

  /** The type of {@link ConversationCompleted}. */
  public static final String CONVERSATION_COMPLETED = "conversation.completed";

  /** The type of {@link AgentResponse}. */
  public static final String AGENT_RESPONSE = "agent.response";

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private WorkFluxEvents() {}

  /**
   * Parses a delivery.
   *
   * @param body the raw body, exactly as received
   * @return the event
   * @throws SwitchboardException when the body is not a JSON object; the message says so and the
   *     exception keeps nothing secret (a delivery has no credential)
   */
  public static WorkFluxEvent parse(byte[] body) {
    String raw = new String(body, StandardCharsets.UTF_8);
    Map<String, Object> json;
    try {
      json = Json.mapper().readValue(body, MAP);
    } catch (IOException e) {
      throw new SwitchboardException(
          "A WorkFlux delivery is not a JSON object ("
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                  : e.getMessage())
              + "); "
              + body.length
              + " bytes received",
          e);
    }
    if (json == null) {
      throw new SwitchboardException("A WorkFlux delivery is empty or the JSON literal null");
    }
    String type = JsonFields.text(json, "type");
    String typeField = "type";
    if (type == null) {
      type = JsonFields.text(json, "event");
      typeField = "event";
    }
    Map<String, Object> data = JsonFields.object(json, "data");
    if (data == null) {
      data = new LinkedHashMap<>(json);
      data.remove(typeField);
    }
    String id = JsonFields.text(json, "id");
    String createdAt = JsonFields.text(json, "created_at", "timestamp");
    String key = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case CONVERSATION_STARTED -> new ConversationStarted(id, type, createdAt, data, raw);
      case CONVERSATION_COMPLETED -> new ConversationCompleted(id, type, createdAt, data, raw);
      case AGENT_RESPONSE -> new AgentResponse(id, type, createdAt, data, raw);
      default -> new UnknownWorkFluxEvent(id, type, createdAt, data, raw);
    };
  }
}
