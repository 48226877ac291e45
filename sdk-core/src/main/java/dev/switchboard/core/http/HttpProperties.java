package dev.switchboard.core.http;

import dev.switchboard.core.validation.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Time-outs and retries as configuration properties, nested under each client's prefix (such as
 * {@code futwork.http} or {@code workflux.http}).
 *
 * <p>With a Bean Validation provider on the class path, the binder checks the ranges below and
 * reports a wrong value in Spring Boot's format; {@link #toSettings()} checks the same ranges
 * without one.
 *
 * <p>A value left out (null) takes its default, named in brackets below, from the compact
 * constructors; each module's configuration metadata states the same defaults, and a test holds the
 * two together.
 *
 * @param connectTimeout the longest wait for a connection (5 s)
 * @param readTimeout the longest wait for an answer once the request was sent (30 s)
 * @param retry when and how often a failed call is tried again
 */
public record HttpProperties(
    @PositiveDuration Duration connectTimeout,
    @PositiveDuration Duration readTimeout,
    @Valid Retry retry) {

  /** Applies the defaults. */
  public HttpProperties {
    connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(5);
    readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(30);
    retry = retry != null ? retry : new Retry(null, null, null, null, null, false);
  }

  /**
   * Retry configuration.
   *
   * @param maxAttempts attempts in all, the first included; 1 disables retries (4)
   * @param initialBackoff the wait before the first retry, before jitter (500 ms)
   * @param multiplier the factor between one wait and the next (2.0)
   * @param maxBackoff the longest wait between attempts (10 s)
   * @param maxRetryAfter the longest Retry-After the client waits for; a longer advice (429 or 503)
   *     fails the call at once with a RateLimitedException carrying it (60 s)
   * @param retryUnknownOutcome whether a POST or PATCH whose outcome is unknown (500, 502, 504, a
   *     time-out or reset after sending) is retried too, at the risk of acting twice, such as
   *     calling a lead twice (false)
   */
  public record Retry(
      @Min(value = 1, message = "must be at least 1") Integer maxAttempts,
      @PositiveDuration(orZero = true, message = "must not be negative") Duration initialBackoff,
      @DecimalMin(value = "1.0", message = "must be at least 1.0") Double multiplier,
      @PositiveDuration(orZero = true, message = "must not be negative") Duration maxBackoff,
      @PositiveDuration(orZero = true, message = "must not be negative") Duration maxRetryAfter,
      boolean retryUnknownOutcome) {

    /** Applies the defaults. */
    public Retry {
      maxAttempts = maxAttempts != null ? maxAttempts : 4;
      initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofMillis(500);
      multiplier = multiplier != null ? multiplier : 2.0;
      maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(10);
      maxRetryAfter = maxRetryAfter != null ? maxRetryAfter : Duration.ofSeconds(60);
    }
  }

  /**
   * The settings these properties describe.
   *
   * @return the settings
   * @throws IllegalArgumentException when a value is out of range
   */
  public HttpSettings toSettings() {
    return new HttpSettings(
        connectTimeout,
        readTimeout,
        new RetrySettings(
            retry.maxAttempts(),
            retry.initialBackoff(),
            retry.multiplier(),
            retry.maxBackoff(),
            retry.maxRetryAfter(),
            retry.retryUnknownOutcome()));
  }
}
