package dev.switchboard.workflux.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.json.internal.JsonFields;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.internal.WebhookJson;
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

  private static final ObjectReader ENVELOPE = WebhookJson.reader(Envelope.class);

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
    Envelope f;
    try {
      f = WebhookJson.read(body, ENVELOPE, kind -> kind + " received.");
    } catch (WebhookPayloadException e) {
      throw new WebhookPayloadException(
          "A WorkFlux delivery is not a JSON object: " + e.getMessage());
    }
    String raw = new String(body, StandardCharsets.UTF_8);
    String type = f.type() != null ? f.type() : f.event();
    Map<String, Object> data = f.data();
    if (data == null) {
      // Rare: without a data object, the fields beside the envelope are the data.
      LinkedHashMap<String, Object> rest =
          new LinkedHashMap<>(WebhookJson.readMap(body, kind -> "not an object"));
      rest.remove("data");
      rest.remove(f.type() != null ? "type" : "event");
      data = JsonFields.readOnlyView(rest); // the record keeps it without copying it again
    }
    String createdAt = f.createdAt() != null ? f.createdAt() : f.timestamp();
    return switch (key(type)) {
      case CONVERSATION_COMPLETED ->
          new ConversationCompleted(f.id(), type, createdAt, data, raw, delivery);
      case CONVERSATION_STARTED ->
          new ConversationStarted(f.id(), type, createdAt, data, raw, delivery);
      case AGENT_RESPONSE -> new AgentResponse(f.id(), type, createdAt, data, raw, delivery);
      default -> new UnknownWorkFluxEvent(f.id(), type, createdAt, data, raw, delivery);
    };
  }

  /** The envelope: what every WorkFlux event carries, read by data binding. */
  record Envelope(
      String type,
      String event,
      String id,
      @JsonProperty("created_at") String createdAt,
      String timestamp,
      Map<String, Object> data) {}

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
