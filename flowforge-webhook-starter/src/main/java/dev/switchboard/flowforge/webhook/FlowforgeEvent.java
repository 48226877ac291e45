package dev.switchboard.flowforge.webhook;

import dev.switchboard.core.webhook.OrderedEvent;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.flowforge.webhook.internal.FlowforgePayloadParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A Flowforge webhook delivery. Listen to one member ({@code @EventListener void
 * on(CapturedFormCreated form)}) or to the whole family ({@code @EventListener void
 * on(FlowforgeEvent event)}); an event name Flowforge adds later arrives as an {@link
 * UnknownFlowforgeEvent} instead of failing the delivery.
 *
 * <p>Every member carries the envelope: {@code id}, {@code event}, {@code object} and {@code
 * created_at} as sent, the time as an {@link Instant}, and the delivery's metadata (raw bytes,
 * headers without the secret, time received, idempotency key).
 */
public sealed interface FlowforgeEvent extends OrderedEvent
    permits CapturedFormCreated, CapturedIntentCreated, ConversationClosed, UnknownFlowforgeEvent {

  /**
   * The conversation this event is about ({@code data.conversation_id}), so the inbox mode
   * dispatches one conversation's events in order.
   *
   * @return the id, or null when the event names none
   */
  @Override
  default String orderingKey() {
    if (this instanceof CapturedFormCreated e && e.data() != null) {
      return e.data().conversationId();
    }
    if (this instanceof CapturedIntentCreated e && e.data() != null) {
      return e.data().conversationId();
    }
    if (this instanceof ConversationClosed e && e.data() != null) {
      return e.data().conversationId();
    }
    return null;
  }

  /**
   * The event's id, which Flowforge keeps across retries (the idempotency key).
   *
   * @return the id, as sent
   */
  String id();

  /**
   * The event's name as sent, such as {@code capturedform.created}.
   *
   * @return the name
   */
  String event();

  /**
   * The envelope's object type, {@code event} in every documented sample.
   *
   * @return the object type
   */
  String object();

  /**
   * When Flowforge created the event, as sent ({@code 2024-04-05 22:26:08}, zone-less).
   *
   * @return the raw text, or null when absent
   */
  String createdAt();

  /**
   * When Flowforge created the event, read in the configured zone ({@code flowforge.webhook.zone},
   * UTC by default) or from an ISO-8601 value.
   *
   * @return the instant, or empty when absent or unreadable
   */
  Optional<Instant> createdAtInstant();

  /**
   * What arrived with the delivery.
   *
   * @return the delivery's metadata, or null for an event not built by the receiver
   */
  WebhookDelivery delivery();

  /**
   * Reads a webhook body into its record as the receiver does, without delivery metadata: for
   * bodies stored earlier, replayed from a dead-letter queue, or used in tests.
   *
   * @param body the raw JSON body
   * @param zone the zone of zone-less {@code created_at} values (the receiver's {@code
   *     flowforge.webhook.zone}, UTC by default)
   * @return the event, an {@link UnknownFlowforgeEvent} for a name the SDK does not know; its
   *     {@link #delivery()} null
   * @throws dev.switchboard.core.webhook.WebhookPayloadException (a {@link
   *     dev.switchboard.core.SwitchboardException}) when the body is not valid JSON, not an object,
   *     or has no {@code event} name or {@code data} object; the message never holds the body
   */
  static FlowforgeEvent parse(byte[] body, ZoneId zone) {
    return new FlowforgePayloadParser(java.util.Objects.requireNonNull(zone, "zone")).read(body);
  }
}
