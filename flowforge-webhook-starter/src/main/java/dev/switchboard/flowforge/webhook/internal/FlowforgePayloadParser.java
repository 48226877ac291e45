package dev.switchboard.flowforge.webhook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.JsonFields;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.flowforge.webhook.CapturedFormCreated;
import dev.switchboard.flowforge.webhook.CapturedIntentCreated;
import dev.switchboard.flowforge.webhook.ConversationClosed;
import dev.switchboard.flowforge.webhook.FlowforgeEvent;
import dev.switchboard.flowforge.webhook.UnknownFlowforgeEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Flowforge's envelope ({@code id}, {@code event}, {@code object}, {@code created_at}, {@code
 * data}) tolerantly: both spellings of each event name, {@code created_at} zone-less or ISO-8601,
 * ids kept as strings (never parsed as UUIDs), numbers sent as text read. A body that is not a JSON
 * object, or has no {@code event} name or no {@code data} object, is refused with a 400.
 */
public final class FlowforgePayloadParser implements WebhookParser<FlowforgeEvent> {

  /** Event type of captured forms in metrics. */
  public static final String CAPTURED_FORM = "captured_form.created";

  /** Event type of captured intents in metrics. */
  public static final String CAPTURED_INTENT = "captured_intent.created";

  /** Event type of closed conversations in metrics. */
  public static final String CONVERSATION_CLOSED = "conversation.closed";

  /** Event type of unknown events in metrics (one value, so metrics stay low-cardinality). */
  public static final String UNKNOWN = "unknown";

  /** Flowforge's documented form: {@code 2024-04-05 22:26:08}, seconds' fractions allowed. */
  private static final DateTimeFormatter FLOWFORGE_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private final ZoneId zone;

  /**
   * Creates a parser.
   *
   * @param zone the zone of zone-less {@code created_at} values
   */
  public FlowforgePayloadParser(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ParsedDelivery<FlowforgeEvent> parse(WebhookRequest request) {
    JsonNode root = WebhookParser.readJson(request.body());
    if (!root.isObject()) {
      throw new WebhookPayloadException("A Flowforge delivery must be a JSON object.");
    }
    String event = JsonFields.text(root, "event");
    if (event == null || event.isBlank()) {
      throw new WebhookPayloadException("The Flowforge delivery has no 'event' name.");
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isObject()) {
      throw new WebhookPayloadException("The Flowforge delivery has no 'data' object.");
    }
    String id = JsonFields.text(root, "id");
    WebhookDelivery delivery =
        request.delivery(id == null || id.isBlank() ? request.bodySha256() : id);
    String object = JsonFields.text(root, "object");
    String createdAt = JsonFields.text(root, "created_at");
    Optional<Instant> instant = instant(createdAt);
    String type = canonical(event);
    FlowforgeEvent parsed =
        switch (type) {
          case CAPTURED_FORM ->
              new CapturedFormCreated(id, event, object, createdAt, form(data), instant, delivery);
          case CAPTURED_INTENT ->
              new CapturedIntentCreated(
                  id, event, object, createdAt, intent(data), instant, delivery);
          case CONVERSATION_CLOSED ->
              new ConversationClosed(
                  id, event, object, createdAt, conversation(data), instant, delivery);
          default ->
              new UnknownFlowforgeEvent(
                  id, event, object, createdAt, JsonFields.map(root, "data"), instant, delivery);
        };
    return new ParsedDelivery<>(parsed, delivery, type);
  }

  /** Both documented spellings, in any case, to one name; anything else is unknown. */
  static String canonical(String event) {
    String e = event.strip().toLowerCase(Locale.ROOT);
    return switch (e) {
      case "captured_form.created", "capturedform.created" -> CAPTURED_FORM;
      case "captured_intent.created", "capturedintent.created" -> CAPTURED_INTENT;
      case "conversation.closed" -> CONVERSATION_CLOSED;
      default -> UNKNOWN;
    };
  }

  /**
   * Reads {@code created_at}: Flowforge's zone-less form in the configured zone, or ISO-8601 with
   * or without an offset.
   *
   * @param raw the raw text
   * @return the instant, or empty when absent or unreadable
   */
  Optional<Instant> instant(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String text = raw.strip();
    try {
      return Optional.of(LocalDateTime.parse(text, FLOWFORGE_TIME).atZone(zone).toInstant());
    } catch (DateTimeParseException notFlowforgeForm) {
      // try ISO-8601 next
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notOffset) {
      // try a zone-less ISO value next
    }
    try {
      return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private static CapturedFormCreated.Data form(JsonNode d) {
    return new CapturedFormCreated.Data(
        JsonFields.text(d, "form_id"),
        JsonFields.text(d, "form_name"),
        JsonFields.text(d, "widget_id"),
        JsonFields.text(d, "assistant_id"),
        fieldValues(d.get("field_values")),
        JsonFields.text(d, "conversation_id"),
        JsonFields.text(d, "captured_form_id"));
  }

  /** Field values as strings: text as it is, other values as their JSON text, null kept. */
  private static Map<String, String> fieldValues(JsonNode values) {
    Map<String, String> out = new LinkedHashMap<>();
    if (values == null || !values.isObject()) {
      return out;
    }
    values
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              out.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            });
    return out;
  }

  private static CapturedIntentCreated.Data intent(JsonNode d) {
    return new CapturedIntentCreated.Data(
        JsonFields.text(d, "intent_id"),
        JsonFields.text(d, "intent_name"),
        JsonFields.integer(d, "chat_count"),
        JsonFields.text(d, "device_type"),
        JsonFields.text(d, "widget_id"),
        JsonFields.text(d, "assistant_id"),
        JsonFields.text(d, "conversation_id"));
  }

  private static ConversationClosed.Data conversation(JsonNode d) {
    return new ConversationClosed.Data(
        JsonFields.text(d, "widget_id"),
        JsonFields.integer(d, "chat_count"),
        JsonFields.text(d, "contact_id"),
        JsonFields.text(d, "device_type"),
        JsonFields.text(d, "assistant_id"),
        JsonFields.text(d, "first_message"),
        JsonFields.text(d, "conversation_id"));
  }
}
