package dev.switchboard.flowforge.webhook.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookPayloadException;
import dev.switchboard.core.webhook.WebhookRequest;
import dev.switchboard.core.webhook.internal.WebhookJson;
import dev.switchboard.core.webhook.internal.WebhookJson.SentObject;
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
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Flowforge's envelope ({@code id}, {@code event}, {@code object}, {@code created_at}, {@code
 * data}) by data binding, tolerantly: both spellings of each event name, {@code created_at}
 * zone-less or ISO-8601, ids kept as strings (never parsed as UUIDs), numbers sent as text read. A
 * body that is not a JSON object, or has no {@code event} name or no {@code data} object, is
 * refused with a 400.
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

  private static final Function<String, String> NOT_AN_OBJECT =
      kind -> "A Flowforge delivery must be a JSON object.";
  private static final ObjectReader HEAD = WebhookJson.reader(Head.class);
  private static final ObjectReader FORM =
      WebhookJson.reader(Envelope.class, CapturedFormCreated.Data.class);
  private static final ObjectReader INTENT =
      WebhookJson.reader(Envelope.class, CapturedIntentCreated.Data.class);
  private static final ObjectReader CLOSED =
      WebhookJson.reader(Envelope.class, ConversationClosed.Data.class);
  private static final ObjectReader OTHER = WebhookJson.reader(Envelope.class, Map.class);

  /** Flowforge's documented form, {@code 2024-04-05 22:26:08}, seconds' fractions allowed. */
  private static final DateTimeFormatter FLOWFORGE_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

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
    byte[] body = request.body();
    Head head = headOf(body);
    String type = canonical(head.event());
    WebhookDelivery delivery = request.delivery(request.idempotencyKey(head.id()));
    return new ParsedDelivery<>(event(body, type, delivery), delivery, type);
  }

  /**
   * Reads a body into its record without delivery metadata: what {@link FlowforgeEvent#parse} does.
   *
   * @param body the raw body
   * @return the record, its delivery null
   * @throws WebhookPayloadException when the body is not a Flowforge delivery
   */
  public FlowforgeEvent read(byte[] body) {
    return event(body, canonical(headOf(body).event()), null);
  }

  private static Head headOf(byte[] body) {
    Head head = WebhookJson.read(body, HEAD, NOT_AN_OBJECT);
    if (head.event() == null || head.event().isBlank()) {
      throw new WebhookPayloadException("The Flowforge delivery has no 'event' name.");
    }
    if (head.data() == null) {
      throw new WebhookPayloadException("The Flowforge delivery has no 'data' object.");
    }
    return head;
  }

  /** The record of a delivery whose event name {@link #canonical} gave as {@code type}. */
  @SuppressWarnings("unchecked")
  private FlowforgeEvent event(byte[] body, String type, WebhookDelivery delivery) {
    return switch (type) {
      case CAPTURED_FORM -> {
        Envelope<CapturedFormCreated.Data> e = WebhookJson.read(body, FORM, NOT_AN_OBJECT);
        yield new CapturedFormCreated(
            e.id, e.event, e.object, e.createdAt, e.data, instant(e.createdAt), delivery);
      }
      case CAPTURED_INTENT -> {
        Envelope<CapturedIntentCreated.Data> e = WebhookJson.read(body, INTENT, NOT_AN_OBJECT);
        yield new CapturedIntentCreated(
            e.id, e.event, e.object, e.createdAt, e.data, instant(e.createdAt), delivery);
      }
      case CONVERSATION_CLOSED -> {
        Envelope<ConversationClosed.Data> e = WebhookJson.read(body, CLOSED, NOT_AN_OBJECT);
        yield new ConversationClosed(
            e.id, e.event, e.object, e.createdAt, e.data, instant(e.createdAt), delivery);
      }
      default -> {
        // an event the SDK does not know: its data is kept whole
        Envelope<Map<String, Object>> e = WebhookJson.read(body, OTHER, NOT_AN_OBJECT);
        yield new UnknownFlowforgeEvent(
            e.id, e.event, e.object, e.createdAt, e.data, instant(e.createdAt), delivery);
      }
    };
  }

  /** What tells a delivery's type: its name, and whether its {@code data} is an object. */
  record Head(String id, String event, SentObject data) {}

  /** Flowforge's envelope around a data record. */
  record Envelope<D>(
      String id,
      String event,
      String object,
      @JsonProperty("created_at") String createdAt,
      D data) {}

  /** Both documented spellings, in any case, to one name; anything else is unknown. */
  static String canonical(String event) {
    return switch (event.strip().toLowerCase(Locale.ROOT)) {
      case CAPTURED_FORM, "capturedform.created" -> CAPTURED_FORM;
      case CAPTURED_INTENT, "capturedintent.created" -> CAPTURED_INTENT;
      case CONVERSATION_CLOSED -> CONVERSATION_CLOSED;
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
}
