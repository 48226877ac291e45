package dev.switchboard.core.webhook.internal;

import java.util.Locale;

/**
 * The content-type rule of every receiver. The platforms document no content type, and real senders
 * label JSON {@code application/json}, {@code text/plain}, {@code application/octet-stream}, {@code
 * *}{@code /*} or not at all, so any label is read as JSON except those of bodies that cannot be
 * JSON deliveries: form, multipart and XML, refused with 415. A body under an accepted label that
 * is not JSON is refused with 400 when parsed.
 */
final class ContentTypes {

  /** The detail of a 415 answer. */
  static final String REFUSAL =
      "Webhook deliveries must be JSON; form, multipart and XML bodies are not accepted.";

  private ContentTypes() {}

  /**
   * Whether a label is one the receivers refuse.
   *
   * @param contentType the Content-Type header, may be null
   * @return true for form, multipart and XML media types
   */
  static boolean refused(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = mediaType(contentType);
    return type.startsWith("multipart/")
        || type.equals("application/x-www-form-urlencoded")
        || type.endsWith("/xml")
        || type.endsWith("+xml");
  }

  /**
   * Whether a label is multipart, which the servlet container would parse before any handler runs.
   *
   * @param contentType the Content-Type header, may be null
   * @return whether it starts with {@code multipart/}, in any case
   */
  static boolean multipart(String contentType) {
    return contentType != null && mediaType(contentType).startsWith("multipart/");
  }

  /** The type and subtype, lower case, without parameters or surrounding blanks. */
  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }
}
