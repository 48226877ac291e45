package dev.switchboard.core.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a platform base URL: {@code https}, or {@code http} to a loopback host only (so tests and
 * the local sandbox can run on {@code http://localhost}). A credential must never travel in clear
 * text over a network.
 */
public final class BaseUrl {

  private BaseUrl() {}

  /**
   * Parses and checks a base URL.
   *
   * @param value the configured URL
   * @param property the configuration property that holds it, named in any error
   * @return the URL, without a trailing slash
   * @throws IllegalArgumentException naming the property when the URL is missing, malformed, not
   *     https, or carries a query, fragment or user info
   */
  public static URI require(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Set " + property + " to the platform's base URL.");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          property + " is not a valid URL (" + e.getReason() + "): " + value, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          property
              + " must be an absolute https URL such as https://api.example.com, was: "
              + value);
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          property
              + " must not carry user info, a query or a fragment; put credentials in their own properties");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          property
              + " must use https (plain http is allowed only for localhost, 127.0.0.1 and ::1), was: "
              + value);
    }
    String text = uri.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name other than localhost: never resolved here, never trusted
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
