package dev.switchboard.core.http;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * Builds request paths from a template, encoding every variable as one path segment, so an id
 * holding {@code /}, {@code ?} or {@code ..} can never change which resource is called.
 */
public final class ApiPath {

  private ApiPath() {}

  /**
   * Expands a template such as {@code /workflows/{workflowId}/leads}.
   *
   * @param template the path template, starting with {@code /}
   * @param values one value per variable, in order; each must be non-blank
   * @return the encoded path
   * @throws IllegalArgumentException when a value is missing or blank, naming the variable
   */
  public static String of(String template, String... values) {
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    int from = 0;
    int open;
    while ((open = template.indexOf('{', from)) >= 0) {
      int close = template.indexOf('}', open + 1);
      if (close < 0) {
        break;
      }
      String name = template.substring(open + 1, close);
      if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('{') >= 0) {
        throw new IllegalArgumentException("Template " + template + " has a malformed variable");
      }
      if (i >= values.length || values[i] == null || values[i].isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      String encoded = encodeSegment(values[i].strip());
      if (encoded.equals(".") || encoded.equals("..")) {
        throw new IllegalArgumentException(name + " must not be '.' or '..'");
      }
      out.append(template, from, open).append(encoded);
      from = close + 1;
      i++;
    }
    out.append(template, from, template.length());
    if (i != values.length) {
      throw new IllegalArgumentException(
          "Template " + template + " has " + i + " variables, given " + values.length + " values");
    }
    return out.toString();
  }

  /** One path segment, percent-encoded unless it holds only unreserved characters already. */
  private static String encodeSegment(String value) {
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (!unreserved) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
      }
    }
    return value;
  }

  /**
   * Checks a path given for a raw request: relative to the base URL, never a full URL or a
   * scheme-relative {@code //host} path that would send the credentials elsewhere.
   *
   * @param path the path, such as {@code /v1/contacts?page=2}
   * @return the path
   * @throws IllegalArgumentException when it is not a relative path starting with {@code /}
   */
  public static String requireRelative(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.startsWith("//")
        || hasForbiddenCharacter(path)) {
      throw new IllegalArgumentException(
          "path must be relative to the base URL and start with a single '/', such as /leads/123;"
              + " was: "
              + path);
    }
    return path;
  }

  private static boolean hasForbiddenCharacter(String path) {
    for (int k = 0; k < path.length(); k++) {
      char c = path.charAt(k);
      if (c < 0x21 || c == 0x7f || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
