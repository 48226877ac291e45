package dev.switchboard.core.http;

import java.util.Optional;

/**
 * The platform's address answered with a success status, but not with the platform's answer: an
 * HTML page, an empty or malformed body, JSON of the wrong shape, a record without its id, or a
 * redirect. Usually the base URL points at a web front end or a proxy rather than the API.
 *
 * <p>For a request that is not safe to repeat (a lead submission, a POST) {@link #outcomeUnknown()}
 * is {@code true}: something answered 2xx, so the platform may have acted; check before sending it
 * again. {@link #responseBody()} holds the first bytes of what came back, masked.
 */
public class UnexpectedResponseException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final String contentType;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param contentType the answer's {@code Content-Type}, or {@code null} when it had none
   * @param outcomeUnknown whether the platform may have acted on the request
   */
  public UnexpectedResponseException(
      String message, ApiFailure failure, String contentType, boolean outcomeUnknown) {
    super(message, failure, null, outcomeUnknown);
    this.contentType = contentType;
  }

  /**
   * The answer's {@code Content-Type}, such as {@code text/html; charset=utf-8}.
   *
   * @return the content type, if the answer had one
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }
}
