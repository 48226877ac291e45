package dev.switchboard.workflux.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.json.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookPayloadException;
import java.nio.charset.StandardCharsets;
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

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private WorkFluxEvents() {}

  /**
   * Parses a delivery.
   *
   * @param body the raw body, exactly as received
   * @return the event, without a delivery
   * @throws WebhookPayloadException (a {@link dev.switchboard.core.SwitchboardException}) when the
   *     body is not a JSON object; the message says where, never what the body held
   */
  public static WorkFluxEvent parse(byte[] body) {
    return parse(body, null);
  }

  /**
   * Parses a delivery and attaches what arrived with it.
   *
   * @param body the raw body, exactly as received
   * @param delivery the delivery's metadata, or {@code null}
   * @return the event
   * @throws WebhookPayloadException when the body is not a JSON object
   */
  public static WorkFluxEvent parse(byte[] body, WebhookDelivery delivery) {
    JsonNode json;
    try {
      json = WebhookParser.readJson(body);
    } catch (WebhookPayloadException e) {
      throw new WebhookPayloadException(
          "A WorkFlux delivery is not a JSON object: " + e.getMessage());
    }
    if (!json.isObject()) {
      throw new WebhookPayloadException(
          "A WorkFlux delivery is not a JSON object: "
              + json.getNodeType().name().toLowerCase(Locale.ROOT)
              + " received.");
    }
    String raw = new String(body, StandardCharsets.UTF_8);
    String typeField = "type";
    String type = JsonFields.text(json, typeField);
    if (type == null) {
      typeField = "event";
      type = JsonFields.text(json, typeField);
    }
    Map<String, Object> data = JsonFields.map(json, "data");
    if (data == null) {
      ObjectNode rest = ((ObjectNode) json).deepCopy();
      rest.remove(typeField);
      data = JsonFields.copy(Json.mapper().convertValue(rest, MAP));
    }
    String id = JsonFields.text(json, "id");
    String createdAt = JsonFields.text(json, "created_at");
    if (createdAt == null) {
      createdAt = JsonFields.text(json, "timestamp");
    }
    return switch (key(type)) {
      case CONVERSATION_STARTED ->
          new ConversationStarted(id, type, createdAt, data, raw, delivery);
      case CONVERSATION_COMPLETED ->
          new ConversationCompleted(id, type, createdAt, data, raw, delivery);
      case AGENT_RESPONSE -> new AgentResponse(id, type, createdAt, data, raw, delivery);
      default -> new UnknownWorkFluxEvent(id, type, createdAt, data, raw, delivery);
    };
  }

  /**
   * The type a record stands for, in the form the constants use: trimmed and lower case.
   *
   * @param type the type as sent, may be null
   * @return the key, empty for none
   */
  static String key(String type) {
    return type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
  }
}
