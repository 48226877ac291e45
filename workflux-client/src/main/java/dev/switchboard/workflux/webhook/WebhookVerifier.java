package dev.switchboard.workflux.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Verifies a WorkFlux delivery's signature on the exact bytes received, before anything parses
 * them. Implementations are thread-safe.
 */
public interface WebhookVerifier {

  /**
   * Verifies a delivery.
   *
   * @param headers the delivery's headers, looked up in any case
   * @param body the raw body, exactly as received
   * @return the outcome; never throws for a bad delivery
   */
  VerificationResult verify(WebhookHeaders headers, byte[] body);

  /**
   * Verifies a delivery against a given moment rather than the verifier's own clock, so a receiver
   * checks timestamps against the time the request arrived, from the application's clock. A scheme
   * without timestamps ignores it.
   *
   * @param headers the delivery's headers, looked up in any case
   * @param body the raw body, exactly as received
   * @param now the moment to check the signed timestamp against
   * @return the outcome; never throws for a bad delivery
   */
  default VerificationResult verify(WebhookHeaders headers, byte[] body, Instant now) {
    return verify(headers, body);
  }

  /**
   * Verifies a delivery whose headers are in a map (names in any case).
   *
   * @param headers the headers, such as Spring's {@code HttpHeaders}
   * @param body the raw body
   * @return the outcome
   */
  default VerificationResult verify(
      Map<String, ? extends Collection<String>> headers, byte[] body) {
    return verify(WebhookHeaders.of(headers), body);
  }
}
