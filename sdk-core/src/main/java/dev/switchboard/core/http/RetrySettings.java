package dev.switchboard.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed call is tried again.
 *
 * <p>Retried: connection failures before the request was sent, {@code 429} (waiting as {@code
 * Retry-After} says, up to {@link #maxRetryAfter()}), {@code 502}, {@code 503} and {@code 504}. A
 * call whose outcome is unknown (a read time-out after the request was sent, or {@code 500}) is
 * retried only when its method is idempotent or {@link #retryUnknownOutcome()} is set. Other {@code
 * 4xx} answers are never retried.
 *
 * @param maxAttempts attempts in all, the first included (1 disables retries)
 * @param initialBackoff the wait before the first retry, before jitter
 * @param multiplier the factor between one wait and the next
 * @param maxBackoff the longest wait between attempts
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for; a longer advice ends
 *     the call at once with a {@link RateLimitedException} carrying it
 * @param retryUnknownOutcome whether a non-idempotent call (POST, PATCH) whose outcome is unknown
 *     is retried, at the risk of acting twice
 */
public record RetrySettings(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    Duration maxBackoff,
    Duration maxRetryAfter,
    boolean retryUnknownOutcome) {

  /** The defaults: 4 attempts, 500 ms, x2, capped at 10 s, Retry-After up to 60 s. */
  public static final RetrySettings DEFAULTS =
      new RetrySettings(
          4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(60), false);

  /** Retries off: every call is made once. */
  public static final RetrySettings NONE =
      new RetrySettings(1, Duration.ZERO, 1.0, Duration.ZERO, Duration.ZERO, false);

  /** Checks the values. */
  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("Backoff durations must not be negative");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
    }
  }
}
