package dev.switchboard.workflux.internal;

import dev.switchboard.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the key a webhook secret stands for. */
public final class Hmac {

  /** The prefix of a Standard Webhooks secret whose rest is base64. */
  public static final String WHSEC_PREFIX = "whsec_";

  private Hmac() {}

  /**
   * The key bytes of a webhook secret: with the {@code whsec_} prefix, the base64 text after it;
   * otherwise the secret's UTF-8 bytes.
   *
   * @param secret the secret
   * @return the key
   * @throws IllegalArgumentException when a {@code whsec_} secret is not base64 (the message never
   *     holds the secret)
   */
  public static byte[] key(Secret secret) {
    String value = secret.reveal();
    if (value.startsWith(WHSEC_PREFIX)) {
      try {
        return Base64.getDecoder().decode(value.substring(WHSEC_PREFIX.length()).trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "A webhook secret starting with whsec_ must be base64 after the prefix");
      }
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * HMAC-SHA256 of the parts, in order, with a key.
   *
   * @param key the key
   * @param parts the bytes signed, concatenated
   * @return the MAC
   */
  public static byte[] sha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * The bytes Standard Webhooks signs: {@code id.timestamp.body}.
   *
   * @param id the webhook-id
   * @param timestamp the webhook-timestamp, as sent
   * @return the prefix, to be followed by the raw body
   */
  public static byte[] standardPrefix(String id, String timestamp) {
    return (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
  }
}
