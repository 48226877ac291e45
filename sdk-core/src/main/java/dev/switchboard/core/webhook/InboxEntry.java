package dev.switchboard.core.webhook;

import java.time.Instant;

/**
 * One delivery stored in the {@link WebhookInbox}, without its body.
 *
 * @param id the inbox's id of the delivery, for {@link WebhookInbox#replay(long)}
 * @param source the receiver
 * @param idempotencyKey the delivery's key as stored (a key longer than 200 characters or not
 *     printable ASCII is stored as {@code sha256:} and its hash)
 * @param eventType the event type
 * @param status where it stands
 * @param attempts how many times its listeners ran
 * @param receivedAt when the receiver took it
 * @param nextAttemptAt when it is dispatched next, or null when it is done or dead
 * @param lastError the exception of the last failed attempt (class and message), or null
 */
public record InboxEntry(
    long id,
    String source,
    String idempotencyKey,
    String eventType,
    InboxStatus status,
    int attempts,
    Instant receivedAt,
    Instant nextAttemptAt,
    String lastError) {}
