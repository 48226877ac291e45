package dev.switchboard.core.webhook;

/**
 * An event that belongs to a sequence, such as the deliveries about one call. In the inbox mode,
 * deliveries whose events share an ordering key (and a receiver) are dispatched one at a time, in
 * the order they were stored; events without one are dispatched in any order.
 */
public interface OrderedEvent {

  /**
   * The key of the sequence this event belongs to, such as a call's id.
   *
   * @return the key, or null (or blank) when the event belongs to no sequence
   */
  String orderingKey();
}
