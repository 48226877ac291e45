package dev.switchboard.core.webhook;

/** Where a delivery stored in the {@link WebhookInbox} stands. */
public enum InboxStatus {
  /** Stored, not yet dispatched (or being dispatched right now). */
  PENDING,
  /** A listener failed on it; it is retried after a backoff. */
  FAILED,
  /** Its listeners failed on every attempt; it waits for a {@link WebhookInbox#replay replay}. */
  DEAD,
  /** Published to the listeners; kept for the store's time-to-live to recognise resends. */
  DONE
}
