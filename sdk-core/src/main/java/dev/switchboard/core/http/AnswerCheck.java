package dev.switchboard.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.core.json.internal.Json;
import java.io.IOException;

/**
 * What a success answer ({@code 2xx}) must look like to count as the platform's answer. A base URL
 * pointing at a web front end answers {@code 200} with HTML: without this check that would pass for
 * success. An answer that fails it ends the call with an {@link UnexpectedResponseException}.
 */
@FunctionalInterface
public interface AnswerCheck {

  /** Any JSON value, or no body at all: the default, for calls whose answer is not documented. */
  AnswerCheck JSON_OR_EMPTY = response -> problem(response.body(), false, true);

  /** A JSON object: for calls the platform answers with a record. */
  AnswerCheck JSON_OBJECT = response -> problem(response.body(), true, false);

  /**
   * Says what keeps a success answer from being the platform's answer.
   *
   * @param response the answer, with a {@code 2xx} status
   * @return what is wrong with it, such as {@code "not JSON"}, or {@code null} when it is the
   *     platform's answer
   */
  String problem(ApiResponse response);

  /**
   * Checks a body by reading it once as a stream of JSON tokens, without building it.
   *
   * @param body the body
   * @param objectOnly whether only a JSON object will do
   * @param emptyAllowed whether no body at all will do
   * @return what is wrong, or {@code null}
   */
  static String problem(byte[] body, boolean objectOnly, boolean emptyAllowed) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return emptyAllowed ? null : "an empty body";
      }
      if (objectOnly && first != JsonToken.START_OBJECT) {
        return "JSON, but not an object";
      }
      parser.skipChildren();
      return parser.nextToken() == null ? null : "not JSON (more follows the first value)";
    } catch (IOException notJson) {
      return "not JSON";
    }
  }
}
