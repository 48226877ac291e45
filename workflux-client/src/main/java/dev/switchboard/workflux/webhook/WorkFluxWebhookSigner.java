package dev.switchboard.workflux.webhook;

import dev.switchboard.core.Secret;
import dev.switchboard.workflux.internal.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs deliveries the way the verifiers expect, so tests (yours and ours) can send correctly
 * signed WorkFlux events to a receiver.
 *
 * <pre>{@code
 * var signer = WorkFluxWebhookSigner.of("my-subscription-secret");
 * Map<String, String> headers = signer.sign("msg_1", Instant.now(), body);
 * // send body with these headers: webhook-id, webhook-timestamp, webhook-signature
 * }</pre>
 */
public final class WorkFluxWebhookSigner {

  private final byte[] key;
  private final Clock clock;

  private WorkFluxWebhookSigner(Secret secret, Clock clock) {
    this.key = Hmac.key(Objects.requireNonNull(secret, "secret"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A signer with a secret (with or without the {@code whsec_} prefix) and the system clock.
   *
   * @param secret the subscription secret
   * @return the signer
   */
  public static WorkFluxWebhookSigner of(String secret) {
    return new WorkFluxWebhookSigner(Secret.of(secret), Clock.systemUTC());
  }

  /**
   * A signer whose {@link #sign(byte[])} stamps deliveries with the given clock.
   *
   * @param secret the subscription secret
   * @param clock the clock
   * @return the signer
   */
  public static WorkFluxWebhookSigner of(Secret secret, Clock clock) {
    return new WorkFluxWebhookSigner(secret, clock);
  }

  /**
   * The Standard Webhooks signature of a delivery.
   *
   * @param id the webhook-id
   * @param timestamp the moment signed (whole seconds are used)
   * @param body the raw body
   * @return the signature, {@code v1,<base64>}
   */
  public String signature(String id, Instant timestamp, byte[] body) {
    byte[] mac =
        Hmac.sha256(key, Hmac.standardPrefix(id, Long.toString(timestamp.getEpochSecond())), body);
    return "v1," + Base64.getEncoder().encodeToString(mac);
  }

  /**
   * The three Standard Webhooks headers of a delivery.
   *
   * @param id the webhook-id
   * @param timestamp the moment signed
   * @param body the raw body
   * @return {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}, in order
   */
  public Map<String, String> sign(String id, Instant timestamp, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(StandardWebhooks.ID_HEADER, id);
    headers.put(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp.getEpochSecond()));
    headers.put(StandardWebhooks.SIGNATURE_HEADER, signature(id, timestamp, body));
    return headers;
  }

  /**
   * The three Standard Webhooks headers, with a fresh id and the clock's time.
   *
   * @param body the raw body
   * @return the headers
   */
  public Map<String, String> sign(byte[] body) {
    return sign("msg_" + UUID.randomUUID(), clock.instant(), body);
  }

  /**
   * The three Standard Webhooks headers for a text body (UTF-8), with a fresh id and the clock's
   * time.
   *
   * @param body the body
   * @return the headers
   */
  public Map<String, String> sign(String body) {
    return sign(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The alternative scheme's signature: hex HMAC-SHA256 of the body.
   *
   * @param body the raw body
   * @return the lower-case hex signature
   */
  public String hexSignature(byte[] body) {
    return HexFormat.of().formatHex(Hmac.sha256(key, body));
  }

  @Override
  public String toString() {
    return "WorkFluxWebhookSigner[****]";
  }
}
