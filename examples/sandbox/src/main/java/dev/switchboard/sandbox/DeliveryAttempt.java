package dev.switchboard.sandbox;

import java.net.URI;
import java.time.Instant;

/**
 * One attempt of the sandbox to deliver a webhook, as kept in {@link Sandbox#deliveryAttempts()}.
 *
 * @param platform {@code futwork}, {@code flowforge} or {@code workflux}
 * @param event what was delivered, such as {@code workflow.post_call} or {@code
 *     conversation.closed}
 * @param key what the delivery is about: a reference id, call id or event id
 * @param url where it was sent
 * @param attempt the attempt's number, from 1
 * @param status the HTTP status answered, or 0 when no answer came
 * @param error why no answer came, or {@code null}
 * @param outcome what the sandbox did next
 * @param at when the attempt ended
 */
public record DeliveryAttempt(
    String platform,
    String event,
    String key,
    URI url,
    int attempt,
    int status,
    String error,
    Outcome outcome,
    Instant at) {

  /** What the sandbox did after an attempt. */
  public enum Outcome {
    /** The receiver answered 2xx: done. */
    DELIVERED,
    /** The attempt failed in a way worth retrying, and attempts remain: another follows. */
    RETRYING,
    /** The attempt failed and no other follows (attempts exhausted, or a final 4xx). */
    GAVE_UP
  }
}
