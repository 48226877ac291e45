package dev.switchboard.core.webhook;

import java.util.Objects;

/**
 * What a {@link WebhookParser} made of a request.
 *
 * @param event the typed record to publish to the application's listeners
 * @param delivery the delivery metadata, whose idempotency key deduplicates the delivery
 * @param eventType a short, low-cardinality name of the event's type for metrics and logs, such as
 *     {@code workflow_post_call}
 * @param <E> the family of events
 */
public record ParsedDelivery<E>(E event, WebhookDelivery delivery, String eventType) {

  /** Checks that nothing is missing. */
  public ParsedDelivery {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(eventType, "eventType");
  }
}
