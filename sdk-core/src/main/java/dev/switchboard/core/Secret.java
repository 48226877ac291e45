package dev.switchboard.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (API key, client secret, webhook secret, access token) that never shows itself in a
 * log line, an exception message or a {@code toString()}.
 *
 * <p>Only {@link #reveal()} gives the value, and only code that puts it on the wire or compares it
 * should call it. Comparisons through {@link #matches(String)} take constant time.
 */
public final class Secret {

  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a credential.
   *
   * @param value the credential; must not be blank
   * @return the secret
   * @throws IllegalArgumentException when the value is null or blank (the message never holds it)
   */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A secret must not be null or blank");
    }
    return new Secret(value);
  }

  /**
   * Wraps a credential that may be absent.
   *
   * @param value the credential, or {@code null} or blank for none
   * @return the secret, or {@code null} when the value is null or blank
   */
  public static Secret ofNullable(String value) {
    return value == null || value.isBlank() ? null : new Secret(value);
  }

  /**
   * Returns the credential itself, for putting it on the wire.
   *
   * @return the value
   */
  public String reveal() {
    return value;
  }

  /**
   * Compares a presented value with this secret in time independent of where they differ.
   *
   * @param presented the value received, may be null
   * @return whether it equals the secret
   */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces every occurrence of this secret in a text with a mask, so that a platform echoing a
   * credential back cannot leak it into a message.
   *
   * @param text the text, may be null
   * @return the text without the secret
   */
  public String redact(String text) {
    return text == null ? null : text.replace(value, MASK);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && MessageDigest.isEqual(bytes(), s.bytes());
  }

  @Override
  public int hashCode() {
    return Objects.hash(value.length());
  }

  private byte[] bytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Never the value: a mask, so that logging or printing a configuration is safe. */
  @Override
  public String toString() {
    return MASK;
  }
}
