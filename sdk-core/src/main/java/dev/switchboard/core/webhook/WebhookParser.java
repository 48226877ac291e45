package dev.switchboard.core.webhook;

import dev.switchboard.core.webhook.internal.WebhookJson;
import java.util.Map;

/**
 * The one thing a vendor writes to receive its webhooks: turns the raw, already authenticated
 * request into a typed event, its idempotency key and its event-type name.
 *
 * <p>A parser must not fail on unknown fields or odd values; it throws {@link
 * WebhookPayloadException} only for bodies it cannot read at all (the pipeline answers 400).
 *
 * @param <E> the family of events the vendor publishes
 */
@FunctionalInterface
public interface WebhookParser<E> {

  /**
   * Parses a request.
   *
   * @param request the request, whose {@link WebhookRequest#delivery(String)} makes the metadata
   *     the event should carry
   * @return the event, its delivery and its type name
   * @throws WebhookPayloadException when the body cannot be read
   */
  ParsedDelivery<E> parse(WebhookRequest request);

  /**
   * Reads a body that must be one JSON object, rejecting trailing garbage; the exception message
   * gives the position, never the body's content.
   *
   * @param body the raw bytes
   * @return the object's fields, read-only, in their order, null values kept; nested objects as
   *     maps, arrays as lists, numbers as {@link Number}s
   * @throws WebhookPayloadException when the body is empty, not valid JSON or not an object
   */
  static Map<String, Object> readJson(byte[] body) {
    return WebhookJson.readMap(body, kind -> "A delivery must be a JSON object, not " + kind + ".");
  }
}
