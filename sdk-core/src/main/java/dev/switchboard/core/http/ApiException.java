package dev.switchboard.core.http;

import dev.switchboard.core.SwitchboardException;
import java.util.Optional;

/**
 * A call to a platform failed. Subclasses say how, and their messages say what to do next. Each
 * carries the status, method and path, the attempts made and the response body cut to 2 KB; no
 * credential ever appears in any of them.
 */
public abstract class ApiException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  private final transient ApiFailure failure;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  protected ApiException(String message, ApiFailure failure, Throwable cause) {
    super(message, cause);
    this.failure = failure;
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
