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
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(property + " " + problem);
    }
    String text = URI.create(value.trim()).toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  /**
   * What is wrong with a base URL, as {@link #require} reports it after the property's name.
   *
   * @param value the configured URL
   * @return the problem, such as {@code must use https (...), was: http://example.com}, or {@code
   *     null} when the URL is fine
   */
  public static String problem(String value) {
    if (value == null || value.isBlank()) {
      return "must be set to the platform's base URL";
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      return "is not a valid URL (" + e.getReason() + "): " + value;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return "must be an absolute https URL such as https://api.example.com, was: " + value;
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return "must not carry user info, a query or a fragment; put credentials in their own"
          + " properties";
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      return "must use https (plain http is allowed only for localhost, 127.0.0.1 and ::1), was: "
          + value;
    }
    return null;
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
