package dev.switchboard.workflux.client;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of {@link WorkFluxClient#checkConnectivity()}: whether a token was obtained and one
 * cheap call answered within the time-out, and how long that took.
 *
 * @param up whether both succeeded in time
 * @param latency how long the check took, the token request included
 * @param detail what was called and how it answered, or why it failed (never a credential)
 * @param checkedAt when the check started
 */
public record ConnectivityReport(boolean up, Duration latency, String detail, Instant checkedAt) {}
