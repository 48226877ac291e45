package dev.switchboard.futwork.webhook;

import dev.switchboard.core.webhook.WebhookDelivery;

/**
 * Everything the Futwork post-call receiver publishes. Listen for one member ({@code @EventListener
 * void on(WorkflowPostCall call)}) or for the whole family and switch over it.
 */
public sealed interface FutworkEvent
    permits WorkflowPostCall, CampaignPostCall, UnrecognizedFutworkPayload {

  /**
   * Returns what arrived with the event: raw JSON bytes, headers without secrets, time received and
   * idempotency key. Null for a record built by hand rather than received.
   *
   * @return the delivery
   */
  WebhookDelivery delivery();
}
