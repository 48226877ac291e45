package dev.switchboard.core.webhook;

import java.time.Instant;

/**
 * Selects deliveries of the {@link WebhookInbox}; every part left null matches everything.
 *
 * @param source the receiver, such as {@code futwork}
 * @param eventType the event type, such as {@code workflow_post_call}
 * @param receivedFrom received at or after this instant
 * @param receivedBefore received before this instant
 */
public record InboxFilter(
    String source, String eventType, Instant receivedFrom, Instant receivedBefore) {

  /**
   * Matches every delivery.
   *
   * @return the filter
   */
  public static InboxFilter all() {
    return new InboxFilter(null, null, null, null);
  }

  /**
   * Narrows to one receiver.
   *
   * @param source the receiver's source name
   * @return a new filter
   */
  public InboxFilter withSource(String source) {
    return new InboxFilter(source, eventType, receivedFrom, receivedBefore);
  }

  /**
   * Narrows to one event type.
   *
   * @param eventType the event type
   * @return a new filter
   */
  public InboxFilter withEventType(String eventType) {
    return new InboxFilter(source, eventType, receivedFrom, receivedBefore);
  }

  /**
   * Narrows to deliveries received in {@code [from, before)}.
   *
   * @param from the first instant included, or null
   * @param before the first instant excluded, or null
   * @return a new filter
   */
  public InboxFilter receivedBetween(Instant from, Instant before) {
    return new InboxFilter(source, eventType, from, before);
  }
}
