package dev.switchboard.futwork.lead;

import java.util.Optional;

/**
 * The platform accepted a lead. Its answer's body is not documented, so the receipt keeps what can
 * be relied on: the status, the lead id when the body has one, and the body itself.
 *
 * @param status the HTTP status of the answer
 * @param leadId the platform's id for the lead, from {@code leadId}, {@code id} or {@code _id} at
 *     the top level or under {@code data}, when present
 * @param rawJson the answer's body as received, empty when there was none
 * @param attempts the attempts the submission took
 */
public record LeadReceipt(int status, Optional<String> leadId, String rawJson, int attempts) {}
