package dev.switchboard.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request as the pipeline hands it to an authenticator and then to a parser: the exact body
 * bytes, every header (credentials included, so authenticators can check them), the query
 * parameters, the TCP peer and the time of arrival.
 *
 * <p>Its {@code toString()} shows neither headers, parameters nor body.
 *
 * @param source the receiver's source name, such as {@code futwork}
 * @param body the exact bytes received
 * @param headers every request header, case-insensitive names
 * @param queryParameters the decoded query parameters
 * @param remoteAddress the TCP peer's address
 * @param receivedAt when the request arrived, from the receiver's clock
 * @param sensitiveHeaders header names to remove before the delivery reaches listeners
 */
public record WebhookRequest(
    String source,
    byte[] body,
    Map<String, List<String>> headers,
    Map<String, List<String>> queryParameters,
    String remoteAddress,
    Instant receivedAt,
    Set<String> sensitiveHeaders) {

  /** Makes header names case-insensitive and the maps unmodifiable. */
  public WebhookRequest {
    body = body == null ? new byte[0] : body;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> h.merge(k, List.copyOf(v), WebhookRequest::concat));
    }
    headers = Collections.unmodifiableMap(h);
    queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
    sensitiveHeaders = sensitiveHeaders == null ? Set.of() : Set.copyOf(sensitiveHeaders);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the first value of a query parameter.
   *
   * @param name the parameter name (case-sensitive)
   * @return the value, or empty when absent
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The idempotency key of a delivery from the id the platform gave it (an event id, a {@code
   * webhook-id} header): the id without surrounding blanks, or its SHA-256 when it is longer than
   * {@value #MAX_KEY_LENGTH} characters or holds control characters (so every store can hold it and
   * every log line can show it); the body's SHA-256 when there is no id.
   *
   * @param id the platform's id, may be null or blank
   * @return the key
   */
  public String idempotencyKey(String id) {
    String key = id == null ? "" : id.strip();
    if (key.isEmpty()) {
      return bodySha256();
    }
    if (key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
      return sha256Hex(key.getBytes(StandardCharsets.UTF_8));
    }
    return key;
  }

  /** The longest id used as an idempotency key as it is. */
  public static final int MAX_KEY_LENGTH = 200;

  /**
   * Returns the SHA-256 of the body in lower-case hex: the idempotency key of deliveries that carry
   * no id of their own.
   *
   * @return 64 hex characters
   */
  public String bodySha256() {
    return sha256Hex(body);
  }

  /**
   * Returns the delivery listeners see: this request's body and its headers without the sensitive
   * ones.
   *
   * @param idempotencyKey the key the parser chose
   * @return the delivery
   */
  public WebhookDelivery delivery(String idempotencyKey) {
    Map<String, List<String>> safe = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (!isSensitive(name)) {
            safe.put(name, values);
          }
        });
    return new WebhookDelivery(source, idempotencyKey, body, safe, receivedAt);
  }

  private boolean isSensitive(String header) {
    for (String name : sensitiveHeaders) {
      if (name.equalsIgnoreCase(header)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Hashes bytes with SHA-256.
   *
   * @param bytes the input
   * @return the digest in lower-case hex
   */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A fresh digest, cloned from one looked up once: the provider lookup cost more than hashing. */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException notCloneable) {
      return lookUpSha256();
    }
  }

  private static final MessageDigest SHA256 = lookUpSha256();

  private static MessageDigest lookUpSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the text
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Never shows headers, parameters or the body, which may hold credentials. */
  @Override
  public String toString() {
    return "WebhookRequest[source=" + source + ", bytes=" + body.length + "]";
  }
}
