package dev.switchboard.core.webhook.internal;

/** Records each delivery's outcome; a no-op unless Micrometer is there. */
public interface WebhookMetrics {

  /** Records nothing. */
  WebhookMetrics NONE = new NoMetrics();

  /**
   * Records one delivery.
   *
   * @param source the receiver
   * @param eventType the event type, or {@code none} when the body was never parsed
   * @param outcome what happened, such as {@code handled} or {@code duplicate}
   * @param nanos how long the pipeline took
   */
  void record(String source, String eventType, String outcome, long nanos);
}
