package dev.switchboard.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What arrived with one webhook delivery, for listeners that need more than the typed payload.
 *
 * <p>Every event record of a receiver carries its delivery (a {@code delivery()} accessor that is
 * left out of the JSON form), rather than a thread-local, so that the metadata stays reachable from
 * {@code @Async} listeners and from code the event is handed to later.
 *
 * @param source the receiver that took the delivery, such as {@code futwork}
 * @param idempotencyKey the key deduplication used: the platform's id, or the SHA-256 of the body
 * @param body the exact bytes received (a copy is returned by {@link #body()})
 * @param headers the request headers, looked up case-insensitively, without any header that may
 *     carry a credential (the secret header, {@code Authorization}, {@code Cookie}, signatures)
 * @param receivedAt when the delivery arrived, from the receiver's clock
 */
public record WebhookDelivery(
    String source,
    String idempotencyKey,
    byte[] body,
    Map<String, List<String>> headers,
    Instant receivedAt) {

  /** Copies the body and the headers, so the delivery cannot change after it was published. */
  public WebhookDelivery {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(receivedAt, "receivedAt");
    body = body == null ? new byte[0] : body.clone();
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    }
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a copy of the raw body.
   *
   * @return the bytes received
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the raw body as UTF-8 text (JSON deliveries are UTF-8).
   *
   * @return the body as text
   */
  public String rawJson() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or empty when the header is absent or was removed as secret-bearing
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookDelivery d
        && source.equals(d.source)
        && idempotencyKey.equals(d.idempotencyKey)
        && Arrays.equals(body, d.body)
        && headers.equals(d.headers)
        && receivedAt.equals(d.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, idempotencyKey, Arrays.hashCode(body), receivedAt);
  }

  /** Names the delivery without its body or headers. */
  @Override
  public String toString() {
    return "WebhookDelivery[source="
        + source
        + ", idempotencyKey="
        + idempotencyKey
        + ", bytes="
        + body.length
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
