package dev.switchboard.flowforge.webhook.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.json.JsonFields;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookJson;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.flowforge.webhook.CapturedFormCreated;
import dev.switchboard.flowforge.webhook.CapturedIntentCreated;
import dev.switchboard.flowforge.webhook.ConversationClosed;
import dev.switchboard.flowforge.webhook.FlowforgeEvent;
import dev.switchboard.flowforge.webhook.UnknownFlowforgeEvent;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.zone.ZoneRules;
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

  private final ZoneId zone;

  /** The zone's offset when it never changes (UTC, +05:30), so most times skip the zone rules. */
  private final ZoneOffset fixedOffset;

  /**
   * Creates a parser.
   *
   * @param zone the zone of zone-less {@code created_at} values
   */
  public FlowforgePayloadParser(ZoneId zone) {
    this.zone = zone;
    // An offset is its own answer: ZoneOffset.getRules() builds new rules on every call, and
    // FlowforgeEvent.parse creates a parser for each body.
    this.fixedOffset = zone instanceof ZoneOffset offset ? offset : fixedOffsetOf(zone.getRules());
  }

  private static ZoneOffset fixedOffsetOf(ZoneRules rules) {
    return rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
  }

  @Override
  public ParsedDelivery<FlowforgeEvent> parse(WebhookRequest request) {
    Envelope e = envelopeOf(request.body());
    WebhookDelivery delivery = request.delivery(request.idempotencyKey(e.id));
    String type = canonical(e.event);
    return new ParsedDelivery<>(event(e, type, request.body(), delivery), delivery, type);
  }

  /**
   * Reads a body into its record without delivery metadata: what {@link FlowforgeEvent#parse} does.
   *
   * @param body the raw body
   * @return the record, its delivery null
   * @throws WebhookPayloadException when the body is not a Flowforge delivery
   */
  public FlowforgeEvent read(byte[] body) {
    Envelope e = envelopeOf(body);
    return event(e, canonical(e.event), body, null);
  }

  private static Envelope envelopeOf(byte[] body) {
    Envelope e = WebhookJson.read(body, FlowforgePayloadParser::envelope);
    if (e == null) {
      throw new WebhookPayloadException("A Flowforge delivery must be a JSON object.");
    }
    if (e.event == null || e.event.isBlank()) {
      throw new WebhookPayloadException("The Flowforge delivery has no 'event' name.");
    }
    if (e.data == null) {
      throw new WebhookPayloadException("The Flowforge delivery has no 'data' object.");
    }
    return e;
  }

  /** The record of an envelope whose event name {@link #canonical} gave as {@code type}. */
  private FlowforgeEvent event(Envelope e, String type, byte[] body, WebhookDelivery delivery) {
    Optional<Instant> instant = instant(e.createdAt);
    Data d = e.data;
    return switch (type) {
      case CAPTURED_FORM ->
          new CapturedFormCreated(
              e.id,
              e.event,
              e.object,
              e.createdAt,
              new CapturedFormCreated.Data(
                  d.formId,
                  d.formName,
                  d.widgetId,
                  d.assistantId,
                  d.fieldValues,
                  d.conversationId,
                  d.capturedFormId),
              instant,
              delivery);
      case CAPTURED_INTENT ->
          new CapturedIntentCreated(
              e.id,
              e.event,
              e.object,
              e.createdAt,
              new CapturedIntentCreated.Data(
                  d.intentId,
                  d.intentName,
                  d.chatCount,
                  d.deviceType,
                  d.widgetId,
                  d.assistantId,
                  d.conversationId),
              instant,
              delivery);
      case CONVERSATION_CLOSED ->
          new ConversationClosed(
              e.id,
              e.event,
              e.object,
              e.createdAt,
              new ConversationClosed.Data(
                  d.widgetId,
                  d.chatCount,
                  d.contactId,
                  d.deviceType,
                  d.assistantId,
                  d.firstMessage,
                  d.conversationId),
              instant,
              delivery);
      default ->
          // an event the SDK does not know: its data is kept whole, read again as a tree
          new UnknownFlowforgeEvent(
              e.id,
              e.event,
              e.object,
              e.createdAt,
              JsonFields.map(WebhookParser.readJson(body), "data"),
              instant,
              delivery);
    };
  }

  /** The envelope, read in one streaming pass; null when the body is not an object. */
  private static Envelope envelope(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Envelope e = new Envelope();
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "id" -> e.id = WebhookJson.text(p);
        case "event" -> e.event = WebhookJson.text(p);
        case "object" -> e.object = WebhookJson.text(p);
        case "created_at" -> e.createdAt = WebhookJson.text(p);
        case "data" -> e.data = data(p);
        default -> p.skipChildren();
      }
    }
    return e;
  }

  /** Every field the known events' data has; the event name may come after it. */
  private static Data data(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Data d = new Data();
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "form_id" -> d.formId = WebhookJson.text(p);
        case "form_name" -> d.formName = WebhookJson.text(p);
        case "widget_id" -> d.widgetId = WebhookJson.text(p);
        case "assistant_id" -> d.assistantId = WebhookJson.text(p);
        case "field_values" -> d.fieldValues = fieldValues(p);
        case "conversation_id" -> d.conversationId = WebhookJson.text(p);
        case "captured_form_id" -> d.capturedFormId = WebhookJson.text(p);
        case "intent_id" -> d.intentId = WebhookJson.text(p);
        case "intent_name" -> d.intentName = WebhookJson.text(p);
        case "chat_count" -> d.chatCount = WebhookJson.integer(p);
        case "device_type" -> d.deviceType = WebhookJson.text(p);
        case "contact_id" -> d.contactId = WebhookJson.text(p);
        case "first_message" -> d.firstMessage = WebhookJson.text(p);
        default -> p.skipChildren();
      }
    }
    return d;
  }

  /** Field values as strings: text as it is, other values as their JSON text, null kept. */
  private static Map<String, String> fieldValues(JsonParser p) throws IOException {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return out;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        out.put(name, null);
      } else if (t.isStructStart()) {
        out.put(name, Json.mapper().readTree(p).toString());
      } else {
        out.put(name, p.getText());
      }
    }
    return JsonFields.readOnlyView(out); // the record keeps it without copying it again
  }

  /** What {@link #documentedForm} returns for a text not in the documented form. */
  static final long NOT_DOCUMENTED = Long.MIN_VALUE;

  /**
   * The documented form {@code yyyy-MM-dd HH:mm:ss} read without a formatter: nearly every delivery
   * has it, and a formatter costs more than the rest of the envelope. The answer is the local time
   * as seconds since 1970-01-01T00:00, so that a fixed offset turns it into an instant without
   * building a {@code LocalDateTime}.
   *
   * @param t the text
   * @return the local time's seconds since the epoch, or {@link #NOT_DOCUMENTED} when the text is
   *     not a valid time in exactly that form
   */
  static long documentedForm(String t) {
    if (t.length() != 19
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != ' '
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return NOT_DOCUMENTED;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return NOT_DOCUMENTED;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay(); // checks month and day
    } catch (DateTimeException outOfRange) {
      return NOT_DOCUMENTED;
    }
    return epochDay * 86_400 + hour * 3_600 + minute * 60 + second;
  }

  private static int digits(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static final class Envelope {
    String id;
    String event;
    String object;
    String createdAt;
    Data data;
  }

  private static final class Data {
    String formId;
    String formName;
    String widgetId;
    String assistantId;
    Map<String, String> fieldValues;
    String conversationId;
    String capturedFormId;
    String intentId;
    String intentName;
    Integer chatCount;
    String deviceType;
    String contactId;
    String firstMessage;
  }

  /** Both documented spellings, in any case, to one name; anything else is unknown. */
  static String canonical(String event) {
    String exact = spelling(event); // as Flowforge sends it: nothing to strip or lower
    return UNKNOWN.equals(exact) ? spelling(event.strip().toLowerCase(Locale.ROOT)) : exact;
  }

  // Compared with equals rather than a switch: a switch on a string first computes its hash, a
  // walk over every character of a name the parser has just made, where equals sets most names
  // aside by their length (about 4 % of a parse, async-profiler on the parsing benchmark).
  private static String spelling(String e) {
    if (e.equals(CAPTURED_FORM) || e.equals("capturedform.created")) {
      return CAPTURED_FORM;
    }
    if (e.equals(CAPTURED_INTENT) || e.equals("capturedintent.created")) {
      return CAPTURED_INTENT;
    }
    return e.equals(CONVERSATION_CLOSED) ? CONVERSATION_CLOSED : UNKNOWN;
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
    long documented = documentedForm(text);
    if (documented != NOT_DOCUMENTED) {
      return Optional.of(
          fixedOffset != null
              ? Instant.ofEpochSecond(documented - fixedOffset.getTotalSeconds())
              : LocalDateTime.ofEpochSecond(documented, 0, ZoneOffset.UTC)
                  .atZone(zone)
                  .toInstant());
    }
    try {
      return Optional.of(LocalDateTime.parse(text, FlowforgeTime.FORMAT).atZone(zone).toInstant());
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

  /**
   * Flowforge's documented form, {@code 2024-04-05 22:26:08} with seconds' fractions allowed, for
   * the times the fast path leaves: built on first use rather than at every application's startup.
   */
  private static final class FlowforgeTime {
    static final DateTimeFormatter FORMAT =
        new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
  }
}
