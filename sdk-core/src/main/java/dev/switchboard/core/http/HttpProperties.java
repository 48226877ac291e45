package dev.switchboard.core.http;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time-outs and retries as configuration properties, nested under each client's prefix (such as
 * {@code futwork.http} or {@code workflux.http}).
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for an answer once the request was sent
 * @param retry when and how often a failed call is tried again
 */
public record HttpProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue Retry retry) {

  /**
   * Retry configuration.
   *
   * @param maxAttempts attempts in all, the first included; 1 disables retries
   * @param initialBackoff the wait before the first retry, before jitter
   * @param multiplier the factor between one wait and the next
   * @param maxBackoff the longest wait between attempts
   * @param maxRetryAfter the longest Retry-After the client waits for; a longer advice fails the
   *     call at once with a RateLimitedException
   * @param retryUnknownOutcome whether a POST whose outcome is unknown (read time-out, 500) is
   *     retried, at the risk of acting twice
   */
  public record Retry(
      @DefaultValue("4") int maxAttempts,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("10s") Duration maxBackoff,
      @DefaultValue("60s") Duration maxRetryAfter,
      @DefaultValue("false") boolean retryUnknownOutcome) {}

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
