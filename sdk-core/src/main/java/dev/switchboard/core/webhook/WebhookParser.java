package dev.switchboard.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;

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
   * Reads a body as one JSON value with the SDK's own mapper, rejecting trailing garbage; the
   * exception message gives the position, never the body's content.
   *
   * @param body the raw bytes
   * @return the JSON tree
   * @throws WebhookPayloadException when the body is empty or not valid JSON
   */
  static JsonNode readJson(byte[] body) {
    return WebhookJson.read(body, parser -> Json.mapper().readTree(parser));
  }
}
