package dev.switchboard.core.webhook;

import java.util.List;

/**
 * The durable inbox ({@code switchboard.webhook.mode=inbox}): every accepted delivery is stored in
 * the database before it is answered 200, then dispatched to the listeners, retried with backoff
 * when they fail, and marked dead after the last attempt. This bean inspects it and replays what
 * died: a listener that had a bug for two hours is fixed, deployed, and {@code
 * replayDead(InboxFilter.all())} publishes every delivery it missed, once.
 */
public interface WebhookInbox {

  /**
   * Lists deliveries, oldest first.
   *
   * @param status which ones: pending, failed (waiting for a retry), dead, or done
   * @param filter narrows by receiver, event type and time received
   * @param limit the most to return
   * @return the deliveries, without their bodies
   */
  List<InboxEntry> list(InboxStatus status, InboxFilter filter, int limit);

  /**
   * Counts deliveries.
   *
   * @param status which ones
   * @return how many
   */
  long count(InboxStatus status);

  /**
   * Dispatches a dead or failed delivery again now, with a fresh count of attempts.
   *
   * @param id the delivery's {@link InboxEntry#id()}
   * @return false when there is no such delivery, or it is not dead or failed
   */
  boolean replay(long id);

  /**
   * Dispatches again every dead delivery the filter selects, with a fresh count of attempts.
   *
   * @param filter narrows by receiver, event type and time received
   * @return how many were put back in line
   */
  int replayDead(InboxFilter filter);

  /**
   * Deletes dead or done deliveries (pending ones are never deleted: they are not handled yet).
   *
   * @param status {@link InboxStatus#DEAD} or {@link InboxStatus#DONE}
   * @param filter narrows by receiver, event type and time received
   * @return how many were deleted
   * @throws IllegalArgumentException for another status
   */
  int purge(InboxStatus status, InboxFilter filter);
}
