package dev.switchboard.workflux.webhook;

import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookDelivery;
import dev.switchboard.core.webhook.WebhookParser;
import dev.switchboard.core.webhook.WebhookRequest;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an authenticated WorkFlux delivery into a {@link WorkFluxEvent} carrying its {@link
 * WebhookDelivery}, for sdk-core's receiving pipeline.
 *
 * <p>The idempotency key is the {@code webhook-id} header (signed under the Standard Webhooks
 * scheme); without one (the hex-hmac scheme need not send it) it is the SHA-256 of the body. An id
 * longer than 200 characters or holding control characters is replaced by its SHA-256 ({@link
 * WebhookRequest#idempotencyKey}), so every delivery store can hold it.
 */
public final class WorkFluxWebhookParser implements WebhookParser<WorkFluxEvent> {

  /** The event type in metrics and logs of a delivery whose type has no record of its own. */
  public static final String UNKNOWN = "unknown";

  private static final Set<String> KNOWN =
      Set.of(
          WorkFluxEvents.CONVERSATION_STARTED,
          WorkFluxEvents.CONVERSATION_COMPLETED,
          WorkFluxEvents.AGENT_RESPONSE);

  private final String idHeader;

  /** A parser reading the id from {@value StandardWebhooks#ID_HEADER}. */
  public WorkFluxWebhookParser() {
    this(StandardWebhooks.ID_HEADER);
  }

  /**
   * A parser reading the id from a header.
   *
   * @param idHeader the header holding the delivery's id, any case
   */
  public WorkFluxWebhookParser(String idHeader) {
    this.idHeader = Objects.requireNonNull(idHeader, "idHeader");
  }

  @Override
  public ParsedDelivery<WorkFluxEvent> parse(WebhookRequest request) {
    WebhookDelivery delivery = request.delivery(idempotencyKey(request));
    WorkFluxEvent event = WorkFluxEvents.parse(request.body(), delivery);
    String key = WorkFluxEvents.key(event.type());
    return new ParsedDelivery<>(event, delivery, KNOWN.contains(key) ? key : UNKNOWN);
  }

  private String idempotencyKey(WebhookRequest request) {
    return request.idempotencyKey(request.header(idHeader).orElse(null));
  }

  @Override
  public String toString() {
    return "WorkFluxWebhookParser[id header " + idHeader + "]";
  }
}
