package dev.switchboard.sandbox.internal;

import dev.switchboard.core.Secret;
import dev.switchboard.sandbox.FailureInjection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A sandbox's settings, as the builder collected them.
 *
 * @param host address to listen on
 * @param port port to listen on, 0 for any
 * @param seed seed of every random choice
 * @param futworkApiKey the key lead submissions must carry
 * @param futworkCallback where post-call deliveries go, or null
 * @param futworkWebhookSecret the secret sent with them, or null
 * @param futworkWebhookHeader the header it goes in
 * @param callDelayMin shortest call
 * @param callDelayMax longest call
 * @param flowforgeCallback where Flowforge deliveries go, or null
 * @param flowforgeHeaderName a header sent with them, or null
 * @param flowforgeHeaderValue its value, or null
 * @param workfluxClientId the WorkFlux client id
 * @param workfluxClientSecret the WorkFlux client secret
 * @param tokenTtl WorkFlux token lifetime
 * @param clock the clock
 * @param failures failures to inject
 * @param deliveryAttempts delivery attempts in all
 * @param deliveryBackoff first wait between attempts
 * @param deliveryBackoffMultiplier factor between waits
 * @param deliveryMaxBackoff longest wait
 * @param deliveryTimeout wait for a receiver's answer
 * @param sleeper how slow answers wait
 */
public record Settings(
    String host,
    int port,
    long seed,
    Secret futworkApiKey,
    Supplier<URI> futworkCallback,
    Secret futworkWebhookSecret,
    String futworkWebhookHeader,
    Duration callDelayMin,
    Duration callDelayMax,
    Supplier<URI> flowforgeCallback,
    String flowforgeHeaderName,
    Secret flowforgeHeaderValue,
    String workfluxClientId,
    Secret workfluxClientSecret,
    Duration tokenTtl,
    Clock clock,
    FailureInjection failures,
    int deliveryAttempts,
    Duration deliveryBackoff,
    double deliveryBackoffMultiplier,
    Duration deliveryMaxBackoff,
    Duration deliveryTimeout,
    Sleeper sleeper) {}
