package dev.switchboard.core.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The platform kept answering {@code 429 Too Many Requests} after the retries, or answered {@code
 * 429} or {@code 503} with a {@code Retry-After} longer than the client is configured to wait
 * ({@code max-retry-after}). The platform did not act on the request: slow down, and send it again
 * after {@link #retryAfter()}; {@link #status()} tells which answer it was.
 */
public class RateLimitedException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param retryAfter the wait the platform advised, or {@code null} when it gave none
   */
  public RateLimitedException(String message, ApiFailure failure, Duration retryAfter) {
    super(message, failure, null);
    this.retryAfter = retryAfter;
  }

  /**
   * The wait the platform advised in its last {@code Retry-After} header.
   *
   * @return the wait, if the platform gave one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
