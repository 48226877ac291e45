package dev.switchboard.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed call is tried again. The policy follows what the answer proves:
 *
 * <ul>
 *   <li>Retried for every call, because the platform provably did not act: a connection that could
 *       not be made (nothing was sent), {@code 429} and {@code 503} (waiting as {@code Retry-After}
 *       says, up to {@link #maxRetryAfter()}).
 *   <li>Retried only for calls that are safe to repeat (GET, PUT, DELETE, token requests): other
 *       {@code 5xx} answers ({@code 500}, {@code 502}, {@code 504}...; never {@code 501}), and a
 *       time-out, reset or closed connection after the request was sent.
 *   <li>For a call that is not safe to repeat (a POST such as a lead submission) those mean the
 *       outcome is unknown: the call fails at once with {@code outcomeUnknown()} true, unless
 *       {@link #retryUnknownOutcome()} widens the retries to them, at the risk of acting twice.
 *   <li>Never retried: other {@code 4xx}, and a {@code 2xx} that is not the platform's answer.
 * </ul>
 *
 * <p>Attempts are counted as requests on the wire, including the one resend the JDK's HTTP client
 * makes by itself when a GET's connection closes before any answer: no retry starts once {@link
 * #maxAttempts()} of them have gone out.
 *
 * @param maxAttempts attempts in all, the first included (1 disables retries)
 * @param initialBackoff the wait before the first retry, before jitter
 * @param multiplier the factor between one wait and the next
 * @param maxBackoff the longest wait between attempts
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for; a longer advice (on a
 *     {@code 429} or a {@code 503}) ends the call at once with a {@link RateLimitedException}
 *     carrying it
 * @param retryUnknownOutcome whether a call that is not safe to repeat (POST, PATCH) is retried
 *     after a {@code 5xx} or a time-out although the platform may have acted on it: a lead may then
 *     be called twice
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

  /**
   * Returns a copy that retries, or does not retry, calls whose outcome is unknown.
   *
   * @param retry whether to retry them, at the risk of acting twice
   * @return the copy
   */
  public RetrySettings withRetryUnknownOutcome(boolean retry) {
    return new RetrySettings(
        maxAttempts, initialBackoff, multiplier, maxBackoff, maxRetryAfter, retry);
  }

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
