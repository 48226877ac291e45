package dev.switchboard.core.webhook.internal;

import dev.switchboard.core.webhook.ParsedDelivery;
import dev.switchboard.core.webhook.WebhookRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The inbox mode's end of the request pipeline: an authenticated, parsed delivery is stored (raw
 * bytes, the headers listeners see, the sender's address, the time of arrival), the insert commits,
 * and only then the answer is 200; a resend of a stored delivery is answered 200 again. A delivery
 * that cannot be stored is answered 503 with {@code Retry-After}, never 2xx.
 */
public final class InboxReceiver {

  private static final Logger log = LoggerFactory.getLogger(InboxReceiver.class);

  private final JdbcWebhookInbox inbox;
  private final InboxDispatcher dispatcher;
  private final WebhookMetrics metrics;

  /**
   * Creates the receiver.
   *
   * @param inbox where deliveries are stored
   * @param dispatcher woken when a delivery was stored, or null when this instance does not
   *     dispatch
   * @param metrics records outcomes
   */
  public InboxReceiver(JdbcWebhookInbox inbox, InboxDispatcher dispatcher, WebhookMetrics metrics) {
    this.inbox = inbox;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
  }

  /**
   * Stores a delivery and answers.
   *
   * @param request the authenticated request
   * @param parsed what the endpoint's parser made of it
   * @param response the answer to write
   * @param start when the pipeline started, from {@link System#nanoTime()}
   * @param path the request path, for problem answers
   * @throws IOException when the answer cannot be written
   */
  public void accept(
      WebhookRequest request,
      ParsedDelivery<?> parsed,
      HttpServletResponse response,
      long start,
      String path)
      throws IOException {
    String source = request.source();
    String key = parsed.delivery().idempotencyKey();
    boolean stored;
    try {
      stored = inbox.store(parsed, request.remoteAddress());
    } catch (RuntimeException e) {
      log.warn("The webhook inbox could not store {} delivery {}; answering 503", source, key, e);
      response.setHeader("Retry-After", "30");
      metrics.record(source, parsed.eventType(), "store_unavailable", System.nanoTime() - start);
      Problems.write(
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "Deliveries cannot be recorded right now; retry later.",
          path);
      return;
    }
    if (stored && dispatcher != null) {
      dispatcher.wake();
    }
    String outcome = stored ? "stored" : "duplicate";
    metrics.record(source, parsed.eventType(), outcome, System.nanoTime() - start);
    Problems.ok(response, stored ? Problems.Ack.ACCEPTED : Problems.Ack.DUPLICATE);
  }
}
