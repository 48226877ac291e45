package dev.switchboard.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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

  /** The forms the value can take in text; worked out on the first redaction. */
  private volatile String[] forms;

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
   * credential back cannot leak it into a message. Every form the value takes when a platform
   * echoes it is masked: as it is, JSON-escaped (with or without {@code \/}), URL-encoded (either
   * case of hex digits, {@code +} or {@code %20} for a space) and Base64 (standard or URL-safe,
   * with or without padding).
   *
   * @param text the text, may be null
   * @return the text without the secret
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String form : forms()) {
      out = out.replace(form, MASK);
    }
    return out;
  }

  private String[] forms() {
    String[] known = forms;
    if (known == null) {
      // the longest first, so that a form containing another is masked whole
      Set<String> all = new LinkedHashSet<>();
      String json = jsonEscaped(value, false);
      String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
      byte[] bytes = bytes();
      String base64 = Base64.getEncoder().encodeToString(bytes);
      String base64Url = Base64.getUrlEncoder().encodeToString(bytes);
      for (String form :
          new String[] {
            jsonEscaped(value, true),
            json,
            url,
            lowerHex(url),
            url.replace("+", "%20"),
            lowerHex(url).replace("+", "%20"),
            base64,
            stripPadding(base64),
            base64Url,
            stripPadding(base64Url),
            value
          }) {
        if (!form.isEmpty()) {
          all.add(form);
        }
      }
      known = all.stream().sorted((a, b) -> b.length() - a.length()).toArray(String[]::new);
      forms = known;
    }
    return known;
  }

  /** The value as the inside of a JSON string; {@code slash} escapes {@code /} as PHP does. */
  private static String jsonEscaped(String value, boolean slash) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append(slash ? "\\/" : "/");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (slash && c > 0x7e)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String lowerHex(String urlEncoded) {
    StringBuilder out = new StringBuilder(urlEncoded);
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) == '%' && i + 2 < out.length()) {
        out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
        out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
      }
    }
    return out.toString();
  }

  private static String stripPadding(String base64) {
    int end = base64.length();
    while (end > 0 && base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
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
