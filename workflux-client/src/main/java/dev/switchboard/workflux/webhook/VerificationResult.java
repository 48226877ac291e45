package dev.switchboard.workflux.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of verifying a delivery. Its message says why a delivery failed without echoing a
 * secret or a signature.
 *
 * @param valid whether a signature matched a configured secret within the time tolerance
 * @param failure why it failed, or {@code null} when valid
 * @param message what happened, for logs and problem responses
 * @param webhookId the delivery's id ({@code webhook-id}), the idempotency key, or {@code null}
 * @param timestamp the delivery's signed timestamp, or {@code null} when the scheme has none
 */
public record VerificationResult(
    boolean valid,
    VerificationFailure failure,
    String message,
    String webhookId,
    Instant timestamp) {

  /**
   * A valid delivery.
   *
   * @param webhookId the delivery's id, or {@code null}
   * @param timestamp the signed timestamp, or {@code null}
   * @return the result
   */
  public static VerificationResult valid(String webhookId, Instant timestamp) {
    return new VerificationResult(true, null, "signature verified", webhookId, timestamp);
  }

  /**
   * A refused delivery.
   *
   * @param failure why
   * @param message what happened, never holding a secret
   * @param webhookId the delivery's id, or {@code null}
   * @return the result
   */
  public static VerificationResult invalid(
      VerificationFailure failure, String message, String webhookId) {
    return new VerificationResult(false, failure, message, webhookId, null);
  }

  /**
   * The delivery's id, the key to recognise a delivery made twice.
   *
   * @return the id, when the delivery carried one
   */
  public Optional<String> id() {
    return Optional.ofNullable(webhookId);
  }
}
