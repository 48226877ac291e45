package dev.switchboard.workflux.webhook;

import dev.switchboard.core.Secret;
import dev.switchboard.workflux.internal.Hmac;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The alternative scheme: a hex HMAC-SHA256 of the raw body, with the subscription secret, in one
 * header (by default {@value #DEFAULT_HEADER}). A {@code sha256=} prefix is accepted, hex in any
 * case; several comma- or space-separated signatures are allowed; several secrets may be valid.
 *
 * <p>This scheme signs no timestamp, so it cannot refuse a replayed delivery by age: rely on
 * de-duplication by the id header ({@value #DEFAULT_ID_HEADER} by default, optional here).
 */
public final class HexHmacVerifier implements WebhookVerifier {

  /** The default signature header. */
  public static final String DEFAULT_HEADER = "x-workflux-signature";

  /** The default header read as the delivery's id, when present. */
  public static final String DEFAULT_ID_HEADER = "webhook-id";

  private final List<byte[]> keys;
  private final String header;
  private final String idHeader;

  private HexHmacVerifier(List<Secret> secrets, String header, String idHeader) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException(
          "At least one webhook secret is needed: set workflux.webhook.secret");
    }
    this.keys = secrets.stream().map(Hmac::key).toList();
    this.header = Objects.requireNonNull(header, "header");
    this.idHeader = idHeader;
  }

  /**
   * A verifier reading the signature from a header.
   *
   * @param header the header holding the hex signature
   * @param idHeader the header holding the delivery's id, or {@code null} for none
   * @param secrets the valid secrets
   * @return the verifier
   */
  public static HexHmacVerifier of(String header, String idHeader, List<Secret> secrets) {
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException("the signature header name must not be blank");
    }
    return new HexHmacVerifier(List.copyOf(secrets), header.trim(), idHeader);
  }

  /**
   * A verifier with the default headers.
   *
   * @param secrets the valid secrets
   * @return the verifier
   */
  public static HexHmacVerifier of(String... secrets) {
    List<Secret> list = new ArrayList<>();
    for (String s : secrets) {
      list.add(Secret.of(s));
    }
    return of(DEFAULT_HEADER, DEFAULT_ID_HEADER, list);
  }

  @Override
  public VerificationResult verify(WebhookHeaders headers, byte[] body) {
    Objects.requireNonNull(body, "body");
    String id = idHeader == null ? null : headers.first(idHeader);
    id = id == null || id.isBlank() ? null : id.trim();
    List<String> values = headers.values(header);
    String joined = values == null ? "" : String.join(" ", values).trim();
    if (joined.isEmpty()) {
      return VerificationResult.invalid(
          VerificationFailure.MISSING_HEADER, "The " + header + " header is missing", id);
    }
    List<byte[]> presented = new ArrayList<>();
    for (String entry : joined.split("[\\s,]+")) {
      String hex = entry.regionMatches(true, 0, "sha256=", 0, 7) ? entry.substring(7) : entry;
      try {
        presented.add(HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException notHex) {
        // cannot match; another entry may
      }
    }
    if (presented.isEmpty()) {
      return VerificationResult.invalid(
          VerificationFailure.MALFORMED,
          "The " + header + " header holds no hex HMAC-SHA256 signature",
          id);
    }
    boolean match = false;
    for (byte[] key : keys) {
      byte[] expected = Hmac.sha256(key, body);
      for (byte[] candidate : presented) {
        match |= MessageDigest.isEqual(expected, candidate);
      }
    }
    if (!match) {
      return VerificationResult.invalid(
          VerificationFailure.MISMATCH,
          "No signature matches the configured secret(s): the secret differs from the"
              + " subscription's, or the body was changed",
          id);
    }
    return VerificationResult.valid(id, null);
  }

  @Override
  public String toString() {
    return "HexHmacVerifier[" + header + ", " + keys.size() + " secret(s) ****]";
  }
}
