package dev.switchboard.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place WorkFlux deliveries are signed: Standard Webhooks ({@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}),
 * with the subscription's secret (base64 after a {@code whsec_} prefix, its UTF-8 bytes otherwise).
 */
final class WorkFluxSigner {

  private WorkFluxSigner() {}

  static Map<String, String> sign(String secret, String id, Instant timestamp, byte[] body) {
    String seconds = Long.toString(timestamp.getEpochSecond());
    byte[] key =
        secret.startsWith("whsec_")
            ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
            : secret.getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8));
      byte[] signature = mac.doFinal(body);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("webhook-id", id);
      headers.put("webhook-timestamp", seconds);
      headers.put("webhook-signature", "v1," + Base64.getEncoder().encodeToString(signature));
      return headers;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
