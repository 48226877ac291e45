package dev.switchboard.core.http;

import dev.switchboard.core.SwitchboardException;
import java.util.Optional;

/**
 * A call to a platform failed. Subclasses say how, and their messages say what to do next. Each
 * carries the status, method and path, the attempts made (the requests that went on the wire), the
 * response body cut to 2 KB, and whether the platform may have acted on the request ({@link
 * #outcomeUnknown()}); no credential ever appears in any of them, in any encoding.
 */
public abstract class ApiException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final transient ApiFailure failure;
  private final boolean outcomeUnknown;

  /**
   * Creates the exception for a call the platform did not act on.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  protected ApiException(String message, ApiFailure failure, Throwable cause) {
    this(message, failure, cause, false);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   * @param outcomeUnknown whether the platform may have acted on the request
   */
  protected ApiException(
      String message, ApiFailure failure, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.failure = failure;
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * Whether the platform may have acted on the request although the call failed: a request that is
   * not safe to repeat (a lead submission, a POST) was sent and answered {@code 500}, {@code 502}
   * or {@code 504}, or not answered in time, or answered with something that is not the platform's
   * answer. Such a call is never retried (unless retries of unknown outcomes were asked for): check
   * whether it took effect (for a lead, look it up by its reference) before sending it again.
   * {@code false} when the platform provably did not act, or the call is safe to repeat.
   *
   * @return whether the outcome is unknown
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /**
   * What is known about the failed call.
   *
   * @return the details
   */
  public ApiFailure failure() {
    return failure;
  }

  /**
   * The HTTP status, or {@code 0} when no answer was received.
   *
   * @return the status
   */
  public int status() {
    return failure.status();
  }

  /**
   * The attempts made, the first included.
   *
   * @return the attempts
   */
  public int attempts() {
    return failure.attempts();
  }

  /**
   * The platform's own error message, when its answer had one.
   *
   * @return the message
   */
  public Optional<String> platformMessage() {
    return Optional.ofNullable(failure.platformMessage());
  }

  /**
   * The response body, cut to 2 KB, with credentials masked.
   *
   * @return the body, empty when there was none
   */
  public String responseBody() {
    return failure.responseBody();
  }
}
