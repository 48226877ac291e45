package dev.switchboard.core.webhook.autoconfigure;

import dev.switchboard.core.webhook.InboxEntry;
import dev.switchboard.core.webhook.InboxFilter;
import dev.switchboard.core.webhook.InboxStatus;
import dev.switchboard.core.webhook.WebhookInbox;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * The {@code webhookinbox} Actuator endpoint over the {@link WebhookInbox}: {@code GET} counts and
 * the failed and dead deliveries; {@code GET /{status}} lists one status; {@code POST /{id}}
 * replays one delivery; {@code POST} with an optional {@code source}, {@code eventType}, {@code
 * receivedFrom} and {@code receivedBefore} (ISO-8601) replays every dead delivery they select;
 * {@code DELETE /{status}} purges dead or done deliveries, with the same optional filter. Expose it
 * with {@code management.endpoints.web.exposure.include=webhookinbox}, behind your actuator
 * security.
 */
@Endpoint(id = "webhookinbox")
public class WebhookInboxEndpoint {

  private static final int LIMIT = 100;

  private final WebhookInbox inbox;

  /**
   * Creates the endpoint.
   *
   * @param inbox the inbox
   */
  public WebhookInboxEndpoint(WebhookInbox inbox) {
    this.inbox = inbox;
  }

  /**
   * Counts by status, with the failed and dead deliveries (up to 100 each) and their last error.
   *
   * @return the summary
   */
  @ReadOperation
  public Map<String, Object> summary() {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (InboxStatus s : InboxStatus.values()) {
      counts.put(name(s), inbox.count(s));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("counts", counts);
    summary.put("failed", inbox.list(InboxStatus.FAILED, InboxFilter.all(), LIMIT));
    summary.put("dead", inbox.list(InboxStatus.DEAD, InboxFilter.all(), LIMIT));
    return summary;
  }

  /**
   * Lists the deliveries of one status, oldest first (up to 100).
   *
   * @param status pending, failed, dead or done
   * @return the deliveries
   */
  @ReadOperation
  public List<InboxEntry> list(@Selector String status) {
    return inbox.list(status(status), InboxFilter.all(), LIMIT);
  }

  /**
   * Replays one dead or failed delivery now.
   *
   * @param id the delivery's id
   * @return whether it was put back in line
   */
  @WriteOperation
  public Map<String, Object> replay(@Selector long id) {
    return Map.of("id", id, "replayed", inbox.replay(id));
  }

  /**
   * Replays every dead delivery the filter selects.
   *
   * @param source the receiver, or null for all
   * @param eventType the event type, or null for all
   * @param receivedFrom received at or after (ISO-8601), or null
   * @param receivedBefore received before (ISO-8601), or null
   * @return how many were put back in line
   */
  @WriteOperation
  public Map<String, Object> replayDead(
      @Nullable String source,
      @Nullable String eventType,
      @Nullable String receivedFrom,
      @Nullable String receivedBefore) {
    return Map.of(
        "replayed", inbox.replayDead(filter(source, eventType, receivedFrom, receivedBefore)));
  }

  /**
   * Deletes dead or done deliveries the filter selects.
   *
   * @param status dead or done
   * @param source the receiver, or null for all
   * @param eventType the event type, or null for all
   * @param receivedFrom received at or after (ISO-8601), or null
   * @param receivedBefore received before (ISO-8601), or null
   * @return how many were deleted
   */
  @DeleteOperation
  public Map<String, Object> purge(
      @Selector String status,
      @Nullable String source,
      @Nullable String eventType,
      @Nullable String receivedFrom,
      @Nullable String receivedBefore) {
    return Map.of(
        "purged",
        inbox.purge(status(status), filter(source, eventType, receivedFrom, receivedBefore)));
  }

  private static InboxFilter filter(
      String source, String eventType, String receivedFrom, String receivedBefore) {
    return new InboxFilter(source, eventType, instant(receivedFrom), instant(receivedBefore));
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidEndpointRequestException(
          "Times are ISO-8601 instants, such as 2026-01-31T09:00:00Z", "bad instant");
    }
  }

  private static InboxStatus status(String name) {
    try {
      return InboxStatus.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidEndpointRequestException(
          "The status is pending, failed, dead or done", "unknown status");
    }
  }

  private static String name(InboxStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
