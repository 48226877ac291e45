package dev.switchboard.sandbox;

import java.time.Duration;

/**
 * Failure injection: how often the sandbox misbehaves, for trying an integration against a bad day.
 * Every share is between 0 and 1 and is drawn from the sandbox's seeded random source, so a run can
 * be reproduced. The same request is never refused more than twice in a row, so a client that
 * retries always gets through.
 *
 * @param unavailableShare share of API requests answered {@code 503} with {@code Retry-After}
 * @param rateLimitedShare share of API requests answered {@code 429} with {@code Retry-After}
 * @param retryAfter the {@code Retry-After} those answers carry (whole seconds)
 * @param slowShare share of API requests answered only after {@code slowDelay}
 * @param slowDelay how long a slow answer takes
 * @param duplicateShare share of deliveries sent twice
 * @param outOfOrderShare share of calls whose deliveries are sent in reverse order: a workflow
 *     call's final stage before its intermediate one, a Flowforge {@code conversation.closed}
 *     before the form and intent captured in it
 */
public record FailureInjection(
    double unavailableShare,
    double rateLimitedShare,
    Duration retryAfter,
    double slowShare,
    Duration slowDelay,
    double duplicateShare,
    double outOfOrderShare) {

  /** Checks the shares and durations. */
  public FailureInjection {
    share("unavailableShare", unavailableShare);
    share("rateLimitedShare", rateLimitedShare);
    share("slowShare", slowShare);
    share("duplicateShare", duplicateShare);
    share("outOfOrderShare", outOfOrderShare);
    if (unavailableShare + rateLimitedShare > 1.0) {
      throw new IllegalArgumentException("unavailableShare + rateLimitedShare must not exceed 1");
    }
    retryAfter = nonNegative("retryAfter", retryAfter);
    slowDelay = nonNegative("slowDelay", slowDelay);
  }

  /**
   * A sandbox that always behaves.
   *
   * @return no failures
   */
  public static FailureInjection none() {
    return new FailureInjection(0, 0, Duration.ofSeconds(1), 0, Duration.ofSeconds(2), 0, 0);
  }

  /**
   * A bad day: 10% 503s, 10% 429s (Retry-After 1 s), 10% slow answers (2 s), 20% duplicate
   * deliveries and 20% of calls delivered out of order.
   *
   * @return the failures
   */
  public static FailureInjection badDay() {
    return new FailureInjection(
        0.1, 0.1, Duration.ofSeconds(1), 0.1, Duration.ofSeconds(2), 0.2, 0.2);
  }

  /**
   * Returns a copy with another share of 503 answers.
   *
   * @param share the share, 0 to 1
   * @return the copy
   */
  public FailureInjection withUnavailable(double share) {
    return new FailureInjection(
        share, rateLimitedShare, retryAfter, slowShare, slowDelay, duplicateShare, outOfOrderShare);
  }

  /**
   * Returns a copy with another share of 429 answers.
   *
   * @param share the share, 0 to 1
   * @return the copy
   */
  public FailureInjection withRateLimited(double share) {
    return new FailureInjection(
        unavailableShare, share, retryAfter, slowShare, slowDelay, duplicateShare, outOfOrderShare);
  }

  /**
   * Returns a copy with another {@code Retry-After}.
   *
   * @param wait the wait, whole seconds
   * @return the copy
   */
  public FailureInjection withRetryAfter(Duration wait) {
    return new FailureInjection(
        unavailableShare,
        rateLimitedShare,
        wait,
        slowShare,
        slowDelay,
        duplicateShare,
        outOfOrderShare);
  }

  /**
   * Returns a copy with another share of slow answers.
   *
   * @param share the share, 0 to 1
   * @param delay how long a slow answer takes
   * @return the copy
   */
  public FailureInjection withSlow(double share, Duration delay) {
    return new FailureInjection(
        unavailableShare,
        rateLimitedShare,
        retryAfter,
        share,
        delay,
        duplicateShare,
        outOfOrderShare);
  }

  /**
   * Returns a copy with another share of duplicate deliveries.
   *
   * @param share the share, 0 to 1
   * @return the copy
   */
  public FailureInjection withDuplicates(double share) {
    return new FailureInjection(
        unavailableShare,
        rateLimitedShare,
        retryAfter,
        slowShare,
        slowDelay,
        share,
        outOfOrderShare);
  }

  /**
   * Returns a copy with another share of calls delivered out of order.
   *
   * @param share the share, 0 to 1
   * @return the copy
   */
  public FailureInjection withOutOfOrder(double share) {
    return new FailureInjection(
        unavailableShare,
        rateLimitedShare,
        retryAfter,
        slowShare,
        slowDelay,
        duplicateShare,
        share);
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }

  private static Duration nonNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive");
    }
    return value;
  }
}
