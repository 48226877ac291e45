package dev.switchboard.core.http.internal;

import dev.switchboard.core.http.RetrySettings;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;

/**
 * Exponential backoff with "equal jitter" (half the delay fixed, half random), capped, that waits
 * as the platform's {@code Retry-After} says instead when the last answer carried one.
 */
final class JitteredBackOff implements BackOffPolicy {

  private static final Logger log = LoggerFactory.getLogger("dev.switchboard.core.http.ApiClient");

  private final RetrySettings settings;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  JitteredBackOff(RetrySettings settings, Sleeper sleeper, DoubleSupplier random) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.random = random;
  }

  private record Context(RetryContext retry) implements BackOffContext {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public BackOffContext start(RetryContext context) {
    return new Context(context);
  }

  @Override
  public void backOff(BackOffContext backOffContext) {
    RetryContext retry = ((Context) backOffContext).retry();
    int failures = retry.getRetryCount();
    Duration delay = delay(failures);
    String reason = "failed";
    int attempts = failures;
    if (retry.getLastThrowable() instanceof RetryableFailure f) {
      reason = f.describe();
      attempts = f.attempts();
      if (f.retryAfter() != null) {
        delay = f.retryAfter();
      }
    }
    log.warn(
        "{} {}; attempt {} of {}, retrying in {} ms",
        retry.getAttribute(CallExecutor.LABEL),
        reason,
        attempts,
        settings.maxAttempts(),
        delay.toMillis());
    try {
      sleeper.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackOffInterruptedException("Interrupted while waiting to retry", e);
    }
  }

  /** The wait after the given number of failures, before any Retry-After advice. */
  Duration delay(int failures) {
    double exponential =
        settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), failures - 1);
    double capped = Math.min(exponential, settings.maxBackoff().toMillis());
    return Duration.ofMillis(Math.round(capped / 2 + random.getAsDouble() * capped / 2));
  }
}
