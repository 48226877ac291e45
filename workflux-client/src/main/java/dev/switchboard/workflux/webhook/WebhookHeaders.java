package dev.switchboard.workflux.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers of a delivery, looked up by name in any case. Adapt any source with a lambda, such as
 * {@code name -> Collections.list(request.getHeaders(name))} for a servlet request.
 */
@FunctionalInterface
public interface WebhookHeaders {

  /**
   * Every value of a header.
   *
   * @param name the header name, in any case
   * @return the values, empty when the header is absent (never {@code null})
   */
  List<String> values(String name);

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or {@code null} when absent
   */
  default String first(String name) {
    List<String> values = values(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Headers from a map (such as Spring's {@code HttpHeaders}), with case-insensitive names.
   *
   * @param headers the headers
   * @return the lookup
   */
  static WebhookHeaders of(Map<String, ? extends Collection<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) ->
            copy.merge(
                name,
                values == null ? List.of() : List.copyOf(values),
                (a, b) -> {
                  List<String> all = new java.util.ArrayList<>(a);
                  all.addAll(b);
                  return all;
                }));
    return name -> copy.getOrDefault(name, List.of());
  }

  /**
   * Headers from a map of single values, with case-insensitive names.
   *
   * @param headers the headers
   * @return the lookup
   */
  static WebhookHeaders ofSingle(Map<String, String> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> copy.put(name, value == null ? List.of() : List.of(value)));
    return name -> copy.getOrDefault(name, List.of());
  }
}
