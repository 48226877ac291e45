package dev.switchboard.futwork.webhook;

import dev.switchboard.core.webhook.OrderedEvent;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.futwork.webhook.internal.FutworkPayloadParser;

/**
 * Everything the Futwork post-call receiver publishes. Listen for one member ({@code @EventListener
 * void on(WorkflowPostCall call)}) or for the whole family and switch over it.
 */
public sealed interface FutworkEvent extends OrderedEvent
    permits WorkflowPostCall, CampaignPostCall, UnrecognizedFutworkPayload {

  /**
   * The call this delivery is about, so the inbox mode dispatches one call's deliveries in order: a
   * campaign call's {@code callSid}, a workflow lead's {@code referenceId}.
   *
   * @return the key, or null for an unrecognised payload
   */
  @Override
  default String orderingKey() {
    if (this instanceof CampaignPostCall call) {
      return call.callSid();
    }
    if (this instanceof WorkflowPostCall call) {
      return call.referenceId();
    }
    return null;
  }

  /**
   * Returns what arrived with the event: raw JSON bytes, headers without secrets, time received and
   * idempotency key. Null for a record built by hand rather than received.
   *
   * @return the delivery
   */
  WebhookDelivery delivery();

  /**
   * Reads a post-call body into its record as the receiver does, without delivery metadata: for
   * bodies stored earlier, replayed from a dead-letter queue, or used in tests. The shape is told
   * from the content, as the receiver tells it.
   *
   * @param body the raw JSON body
   * @return a {@link WorkflowPostCall}, a {@link CampaignPostCall} or an {@link
   *     UnrecognizedFutworkPayload}, its {@link #delivery()} null
   * @throws dev.switchboard.core.webhook.WebhookPayloadException (a {@link
   *     dev.switchboard.core.SwitchboardException}) when the body is not valid JSON; the message
   *     says where, never what the body held
   */
  static FutworkEvent parse(byte[] body) {
    return FutworkPayloadParser.read(body);
  }
}
