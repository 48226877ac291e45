package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JavaType;
import dev.switchboard.core.SwitchboardException;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A platform's answer: status, headers (looked up case-insensitively), the body as bytes, and how
 * many attempts the call took.
 *
 * @param status the HTTP status
 * @param headers the response headers, keyed case-insensitively
 * @param body the body, empty when there was none
 * @param attempts the attempts made, the first included
 */
public record ApiResponse(
    int status, Map<String, List<String>> headers, byte[] body, int attempts) {

  /** Copies the headers into a case-insensitive, unmodifiable map. */
  public ApiResponse {
    TreeMap<String, List<String>> copy;
    if (headers instanceof SortedMap<String, List<String>> sorted
        && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
      copy = new TreeMap<>(sorted); // already in order: copied without comparing keys
      copy.replaceAll((k, v) -> List.copyOf(v));
    } else {
      copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    }
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? new byte[0] : body;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the text, empty when there was no body
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Reads the JSON body into a type, with the SDK's own mapper (unknown fields ignored).
   *
   * @param type the type, such as a record
   * @param <T> the type
   * @return the value, or {@code null} for an empty body
   * @throws SwitchboardException when the body is not JSON of that shape
   */
  public <T> T bodyAs(Class<T> type) {
    return read(Json.mapper().constructType(type));
  }

  /**
   * Reads the JSON body into a generic type.
   *
   * @param type the type, such as {@code new ParameterizedTypeReference<List<Agent>>() {}}
   * @param <T> the type
   * @return the value, or {@code null} for an empty body
   * @throws SwitchboardException when the body is not JSON of that shape
   */
  public <T> T bodyAs(ParameterizedTypeReference<T> type) {
    return read(Json.mapper().constructType(type.getType()));
  }

  private <T> T read(JavaType type) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException e) {
      throw new SwitchboardException(
          "The platform answered "
              + status
              + " with a body that is not JSON of type "
              + type.toCanonical()
              + ": "
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                  : e.getMessage()),
          e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiResponse r
        && status == r.status
        && attempts == r.attempts
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, attempts, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "ApiResponse[status="
        + status
        + ", body "
        + body.length
        + " bytes, attempts="
        + attempts
        + "]";
  }
}
