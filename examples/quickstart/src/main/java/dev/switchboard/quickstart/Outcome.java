package dev.switchboard.quickstart;

import java.time.Duration;
import java.util.Map;

/**
 * What came of one lead's call, from its final post-call delivery.
 *
 * @param reference the lead's reference
 * @param platform {@code workflow} or {@code campaign}
 * @param disposition the call's disposition, or {@code (none: <status>)} when the platform sent
 *     none
 * @param state the workflow's last stage or the campaign call's status
 * @param duration how long the call lasted, when known
 * @param recordingUrl the recording, or empty
 * @param data what was collected or extracted from the customer
 */
record Outcome(
    String reference,
    String platform,
    String disposition,
    String state,
    Duration duration,
    String recordingUrl,
    Map<String, Object> data) {}
