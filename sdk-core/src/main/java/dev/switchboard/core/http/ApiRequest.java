package dev.switchboard.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.internal.Json;
import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * One call to a platform: method, encoded path relative to the base URL (with any query), an
 * optional JSON body as bytes, whether it is safe to send again, and what its answer must look
 * like.
 *
 * @param method the HTTP method
 * @param path the encoded path, starting with {@code /}; build it with {@link ApiPath}
 * @param body the JSON body, or {@code null} for none
 * @param safeToRepeat whether sending the request twice does no harm, so that a {@code 5xx} or a
 *     time-out is retried: true for every method but POST and PATCH, and for a POST marked {@link
 *     #repeatable()} (a token request)
 * @param answer what a success answer must look like; {@link AnswerCheck#JSON_OR_EMPTY} unless
 *     {@link #expecting(AnswerCheck)} says otherwise
 * @param template the template the path was built from, such as {@code
 *     /workflows/{workflowId}/leads}, without its query; the {@code uri} tag of the call's {@code
 *     http.client.requests} observation, so that metrics group calls by endpoint rather than by id.
 *     {@code null} when unknown: the tag is then {@code none}
 */
public record ApiRequest(
    HttpMethod method,
    String path,
    byte[] body,
    boolean safeToRepeat,
    AnswerCheck answer,
    String template) {

  /** Checks the values. */
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    ApiPath.requireRelative(path);
    Objects.requireNonNull(answer, "answer");
  }

  /**
   * A request that is safe to repeat when its method is, answered with JSON or nothing.
   *
   * @param method the HTTP method
   * @param path the encoded path
   * @param body the JSON body, or {@code null} for none
   */
  public ApiRequest(HttpMethod method, String path, byte[] body) {
    this(method, path, body, idempotent(method), AnswerCheck.JSON_OR_EMPTY, null);
  }

  /**
   * This request marked safe to repeat whatever its method, such as an OAuth token request: its
   * {@code 5xx} answers and time-outs are retried like a GET's.
   *
   * @return the copy
   */
  public ApiRequest repeatable() {
    return new ApiRequest(method, path, body, true, answer, template);
  }

  /**
   * This request with another check of its success answer.
   *
   * @param check what the answer must look like, such as {@link AnswerCheck#JSON_OBJECT}
   * @return the copy
   */
  public ApiRequest expecting(AnswerCheck check) {
    return new ApiRequest(method, path, body, safeToRepeat, check, template);
  }

  /**
   * This request with the template its path was built from, for the observation's {@code uri} tag.
   *
   * @param template the path template, such as {@code /agents/{id}}, without the query
   * @return the copy
   */
  public ApiRequest withTemplate(String template) {
    return new ApiRequest(method, path, body, safeToRepeat, answer, template);
  }

  /**
   * A request without a body.
   *
   * @param method the method
   * @param path the encoded path
   * @return the request
   */
  public static ApiRequest of(HttpMethod method, String path) {
    return new ApiRequest(method, path, null);
  }

  /**
   * A request whose body is an object written as JSON by the SDK's own mapper; a {@code byte[]} or
   * {@code String} body is sent as it is.
   *
   * @param method the method
   * @param path the encoded path
   * @param body the body, or {@code null} for none
   * @return the request
   * @throws IllegalArgumentException when the body cannot be written as JSON
   */
  public static ApiRequest json(HttpMethod method, String path, Object body) {
    return new ApiRequest(method, path, toJson(body));
  }

  private static byte[] toJson(Object body) {
    if (body == null) {
      return null;
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof String text) {
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The request body (" + body.getClass().getName() + ") cannot be written as JSON", e);
    }
  }

  /**
   * The path without its query, for messages and logs.
   *
   * @return the path part
   */
  public String pathOnly() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /**
   * Whether the method may be repeated without changing the outcome (GET, HEAD, OPTIONS, PUT,
   * DELETE, TRACE).
   *
   * @return whether the call is idempotent
   */
  public boolean idempotent() {
    return idempotent(method);
  }

  private static boolean idempotent(HttpMethod method) {
    return !(HttpMethod.POST.equals(method) || HttpMethod.PATCH.equals(method));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiRequest r
        && method.equals(r.method)
        && path.equals(r.path)
        && java.util.Arrays.equals(body, r.body)
        && safeToRepeat == r.safeToRepeat
        && answer.equals(r.answer)
        && Objects.equals(template, r.template);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        method, path, java.util.Arrays.hashCode(body), safeToRepeat, answer, template);
  }

  @Override
  public String toString() {
    return "ApiRequest["
        + method
        + " "
        + pathOnly()
        + ", body "
        + (body == null ? 0 : body.length)
        + " bytes]";
  }
}
