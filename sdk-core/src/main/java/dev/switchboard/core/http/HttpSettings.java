package dev.switchboard.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-outs and retries of one client.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for an answer once the request was sent
 * @param retry when and how often a failed call is tried again
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, RetrySettings retry) {

  /** The defaults: connect 5 s, read 30 s, {@link RetrySettings#DEFAULTS}. */
  public static final HttpSettings DEFAULTS =
      new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), RetrySettings.DEFAULTS);

  /** Checks the values. */
  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retry, "retry");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive");
    }
  }
}
