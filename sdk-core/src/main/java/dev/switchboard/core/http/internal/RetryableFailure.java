package dev.switchboard.core.http.internal;

import dev.switchboard.core.http.ApiResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Signals, inside the retry loop, an attempt that failed in a way that is safe to retry. Never
 * leaves the SDK: once retries are exhausted it becomes the matching public exception.
 */
public final class RetryableFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ApiResponse response;
  private final transient IOException ioFailure;
  private final boolean sent;
  private final transient Duration retryAfter;
  private final int attempts;

  private RetryableFailure(
      ApiResponse response,
      IOException ioFailure,
      boolean sent,
      Duration retryAfter,
      int attempts) {
    super(null, ioFailure, false, false);
    this.response = response;
    this.ioFailure = ioFailure;
    this.sent = sent;
    this.retryAfter = retryAfter;
    this.attempts = attempts;
  }

  static RetryableFailure of(ApiResponse response, Duration retryAfter) {
    return new RetryableFailure(response, null, true, retryAfter, response.attempts());
  }

  static RetryableFailure of(IOException failure, boolean sent, int attempts) {
    return new RetryableFailure(null, failure, sent, null, attempts);
  }

  int attempts() {
    return attempts;
  }

  ApiResponse response() {
    return response;
  }

  IOException ioFailure() {
    return ioFailure;
  }

  boolean sent() {
    return sent;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  String describe() {
    if (response != null) {
      return "answered " + response.status();
    }
    return (sent ? "got no answer (" : "could not connect (")
        + ioFailure.getClass().getSimpleName()
        + ")";
  }
}
