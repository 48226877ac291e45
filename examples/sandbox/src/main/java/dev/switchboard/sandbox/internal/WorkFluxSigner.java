package dev.switchboard.sandbox.internal;

import dev.switchboard.workflux.webhook.WorkFluxWebhookSigner;
import java.time.Instant;
import java.util.Map;

/**
 * The one place WorkFlux deliveries are signed, with the SDK's own signer: Standard Webhooks
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256
 * of id.timestamp.body>}) with the subscription's secret (base64 after a {@code whsec_} prefix, its
 * UTF-8 bytes otherwise), exactly what the SDK's verifier checks.
 */
final class WorkFluxSigner {

  private WorkFluxSigner() {}

  static Map<String, String> sign(String secret, String id, Instant timestamp, byte[] body) {
    return WorkFluxWebhookSigner.of(secret).sign(id, timestamp, body);
  }
}
