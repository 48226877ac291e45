package dev.switchboard.workflux.webhook;

import dev.switchboard.core.Secret;
import dev.switchboard.workflux.internal.Hmac;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies deliveries signed the Standard Webhooks way, the default for WorkFlux (whose documents
 * name no scheme): {@code webhook-signature: v1,<base64 HMAC-SHA256>} over {@code
 * <webhook-id>.<webhook-timestamp>.<raw body>} with the subscription secret.
 *
 * <ul>
 *   <li>The signature header may hold several space-separated signatures; one match is enough.
 *       Entries of another version than {@code v1} are ignored.
 *   <li>A secret starting with {@code whsec_} is base64 after the prefix; any other secret is used
 *       as its UTF-8 bytes (the secret given to {@code POST /webhooks}).
 *   <li>Several secrets may be valid at once, for rotation.
 *   <li>The timestamp (seconds since the epoch) must lie within the tolerance (5 minutes by
 *       default) of the clock, in the past or the future.
 *   <li>Comparisons take constant time; header names are matched in any case.
 * </ul>
 */
public final class StandardWebhooks implements WebhookVerifier {

  /** The default header holding the delivery's id. */
  public static final String ID_HEADER = "webhook-id";

  /** The default header holding the delivery's timestamp, in seconds since the epoch. */
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";

  /** The default header holding the signatures. */
  public static final String SIGNATURE_HEADER = "webhook-signature";

  /** The default tolerance between the signed timestamp and the clock, either way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;
  private final String idHeader;
  private final String timestampHeader;
  private final String signatureHeader;

  private StandardWebhooks(Builder b) {
    if (b.secrets.isEmpty()) {
      throw new IllegalArgumentException(
          "At least one webhook secret is needed: set workflux.webhook.secret to the secret the"
              + " subscription was created with");
    }
    List<byte[]> keys = new ArrayList<>(b.secrets.size());
    for (Secret secret : b.secrets) {
      keys.add(Hmac.key(secret));
    }
    this.keys = List.copyOf(keys);
    this.tolerance = b.tolerance;
    this.clock = b.clock;
    this.idHeader = b.idHeader;
    this.timestampHeader = b.timestampHeader;
    this.signatureHeader = b.signatureHeader;
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A verifier with one or more secrets and the defaults.
   *
   * @param secrets the valid secrets, such as the current and the previous one
   * @return the verifier
   */
  public static StandardWebhooks of(String... secrets) {
    Builder b = builder();
    for (String s : secrets) {
      b.secret(s);
    }
    return b.build();
  }

  @Override
  public VerificationResult verify(WebhookHeaders headers, byte[] body) {
    return verify(headers, body, clock.instant());
  }

  @Override
  public VerificationResult verify(WebhookHeaders headers, byte[] body, Instant now) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(now, "now");
    String id = trimmed(headers.first(idHeader));
    String timestamp = trimmed(headers.first(timestampHeader));
    List<String> signatureValues = headers.values(signatureHeader);
    String signatures = signatureValues == null ? null : trimmed(String.join(" ", signatureValues));
    for (String[] h :
        new String[][] {
          {idHeader, id}, {timestampHeader, timestamp}, {signatureHeader, signatures}
        }) {
      if (h[1] == null) {
        return VerificationResult.invalid(
            VerificationFailure.MISSING_HEADER, "The " + h[0] + " header is missing", id);
      }
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return VerificationResult.invalid(
          VerificationFailure.MALFORMED,
          "The " + timestampHeader + " header is not a number of seconds since the epoch",
          id);
    }
    Duration drift = Duration.between(signedAt, now);
    if (drift.abs().compareTo(tolerance) > 0) {
      return VerificationResult.invalid(
          VerificationFailure.STALE,
          "The "
              + timestampHeader
              + " is "
              + drift.abs().toSeconds()
              + " s "
              + (drift.isNegative() ? "ahead of" : "behind")
              + " this server's clock; at most "
              + tolerance.toSeconds()
              + " s are accepted (replayed or delayed delivery, or a clock out of sync)",
          id);
    }
    List<byte[]> presented = new ArrayList<>();
    for (String entry : signatures.split("\\s+")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;
      }
      try {
        presented.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
      } catch (IllegalArgumentException notBase64) {
        // an unreadable entry cannot match; another entry may
      }
    }
    if (presented.isEmpty()) {
      return VerificationResult.invalid(
          VerificationFailure.MALFORMED,
          "The " + signatureHeader + " header holds no v1,<base64> signature",
          id);
    }
    byte[] prefix = Hmac.standardPrefix(id, timestamp);
    boolean match = false;
    for (byte[] key : keys) {
      byte[] expected = Hmac.sha256(key, prefix, body);
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
    return VerificationResult.valid(id, signedAt);
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public String toString() {
    return "StandardWebhooks[" + keys.size() + " secret(s) ****, tolerance " + tolerance + "]";
  }

  /** Builds a {@link StandardWebhooks} verifier. */
  public static final class Builder {
    private final List<Secret> secrets = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();
    private String idHeader = ID_HEADER;
    private String timestampHeader = TIMESTAMP_HEADER;
    private String signatureHeader = SIGNATURE_HEADER;

    private Builder() {}

    /**
     * Adds a valid secret; add several while rotating.
     *
     * @param secret the secret, with or without the {@code whsec_} prefix
     * @return this builder
     */
    public Builder secret(String secret) {
      return secret(Secret.of(secret));
    }

    /**
     * Adds a valid secret.
     *
     * @param secret the secret
     * @return this builder
     * @throws IllegalArgumentException when a {@code whsec_} secret is not base64
     */
    public Builder secret(Secret secret) {
      Hmac.key(Objects.requireNonNull(secret, "secret"));
      secrets.add(secret);
      return this;
    }

    /**
     * Sets the largest accepted distance between the signed timestamp and the clock, either way.
     *
     * @param tolerance a positive duration; 5 minutes by default
     * @return this builder
     */
    public Builder tolerance(Duration tolerance) {
      if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("tolerance must be positive");
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the clock timestamps are checked against.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Renames the three headers, for a platform that uses the scheme under other names.
     *
     * @param id the id header, {@value StandardWebhooks#ID_HEADER} by default
     * @param timestamp the timestamp header, {@value StandardWebhooks#TIMESTAMP_HEADER} by default
     * @param signature the signature header, {@value StandardWebhooks#SIGNATURE_HEADER} by default
     * @return this builder
     */
    public Builder headers(String id, String timestamp, String signature) {
      this.idHeader = requireName(id);
      this.timestampHeader = requireName(timestamp);
      this.signatureHeader = requireName(signature);
      return this;
    }

    private static String requireName(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("header names must not be blank");
      }
      return name.trim();
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalArgumentException when no secret was given
     */
    public StandardWebhooks build() {
      return new StandardWebhooks(this);
    }
  }
}
