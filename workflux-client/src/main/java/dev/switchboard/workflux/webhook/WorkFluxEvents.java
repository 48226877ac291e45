package dev.switchboard.workflux.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.core.json.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookJson;
import dev.switchboard.core.webhook.WebhookPayloadException;
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
    Fields f;
    try {
      f = WebhookJson.read(body, WorkFluxEvents::fields);
    } catch (WebhookPayloadException e) {
      throw new WebhookPayloadException(
          "A WorkFlux delivery is not a JSON object: " + e.getMessage());
    }
    if (f.notAnObject != null) {
      throw new WebhookPayloadException(
          "A WorkFlux delivery is not a JSON object: " + f.notAnObject + " received.");
    }
    String raw = new String(body, StandardCharsets.UTF_8);
    String type = f.type != null ? f.type : f.event;
    Map<String, Object> data = f.data;
    if (data == null) {
      // Rare: without a data object, the fields beside the envelope are the data; the body is
      // read again whole rather than every delivery keeping its top-level fields on the way.
      LinkedHashMap<String, Object> rest =
          new LinkedHashMap<>(WebhookJson.read(body, JsonFields::readObject));
      rest.remove("data");
      rest.remove(f.type != null ? "type" : "event");
      data = JsonFields.readOnlyView(rest); // the record keeps it without copying it again
    }
    String createdAt = f.createdAt != null ? f.createdAt : f.timestamp;
    String key = key(type);
    if (key.equals(CONVERSATION_COMPLETED)) {
      return new ConversationCompleted(f.id, type, createdAt, data, raw, delivery);
    }
    if (key.equals(CONVERSATION_STARTED)) {
      return new ConversationStarted(f.id, type, createdAt, data, raw, delivery);
    }
    if (key.equals(AGENT_RESPONSE)) {
      return new AgentResponse(f.id, type, createdAt, data, raw, delivery);
    }
    return new UnknownWorkFluxEvent(f.id, type, createdAt, data, raw, delivery);
  }

  /** The envelope and the data object in one streaming pass; other fields are skipped. */
  private static Fields fields(JsonParser p) throws IOException {
    Fields f = new Fields();
    JsonToken first = p.currentToken();
    if (first != JsonToken.START_OBJECT) {
      f.notAnObject =
          switch (first) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "null";
          };
      p.skipChildren();
      return f;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken token = p.nextToken();
      if (name.equals("data")) {
        f.data = WebhookJson.map(p);
      } else if (token.isStructStart()) {
        p.skipChildren();
      } else {
        switch (name) {
          case "type" -> f.type = WebhookJson.text(p);
          case "event" -> f.event = WebhookJson.text(p);
          case "id" -> f.id = WebhookJson.text(p);
          case "created_at" -> f.createdAt = WebhookJson.text(p);
          case "timestamp" -> f.timestamp = WebhookJson.text(p);
          default -> {
            // read again with the whole body when there is no data object
          }
        }
      }
    }
    return f;
  }

  private static final class Fields {
    String notAnObject;
    String type;
    String event;
    String id;
    String createdAt;
    String timestamp;
    Map<String, Object> data;
  }

  /**
   * The type a record stands for, in the form the constants use: trimmed and lower case.
   *
   * @param type the type as sent, may be null
   * @return the key, empty for none
   */
  static String key(String type) {
    if (type == null) {
      return "";
    }
    // Compared with equals rather than a switch, here and in parse: a switch on a string first
    // computes its hash, a walk over every character of a type the parser has just made, where
    // equals sets most types aside by their length (about 4 % of a parse, async-profiler on the
    // parsing benchmark).
    // As WorkFlux sends them, nothing to trim or lower; the constant itself is returned, so that
    // parse's own comparison with it ends at the first check, the identity.
    if (type.equals(CONVERSATION_COMPLETED)) {
      return CONVERSATION_COMPLETED;
    }
    if (type.equals(CONVERSATION_STARTED)) {
      return CONVERSATION_STARTED;
    }
    if (type.equals(AGENT_RESPONSE)) {
      return AGENT_RESPONSE;
    }
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
