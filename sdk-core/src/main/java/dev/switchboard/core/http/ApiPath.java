package dev.switchboard.core.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * Builds request paths from a template, encoding every variable as one path segment, so an id
 * holding {@code /}, {@code ?} or {@code ..} can never change which resource is called.
 */
public final class ApiPath {

  private static final Pattern VARIABLE = Pattern.compile("\\{[^/{}]+}");

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
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (m.find()) {
      String name = m.group().substring(1, m.group().length() - 1);
      if (i >= values.length || values[i] == null || values[i].isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      String encoded = UriUtils.encodePathSegment(values[i].strip(), StandardCharsets.UTF_8);
      if (encoded.equals(".") || encoded.equals("..")) {
        throw new IllegalArgumentException(name + " must not be '.' or '..'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encoded));
      i++;
    }
    m.appendTail(out);
    if (i != values.length) {
      throw new IllegalArgumentException(
          "Template " + template + " has " + i + " variables, given " + values.length + " values");
    }
    return out.toString();
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
        || path.contains("\\")
        || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "path must be relative to the base URL and start with a single '/', such as /leads/123;"
              + " was: "
              + path);
    }
    return path;
  }
}
