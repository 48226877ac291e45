package dev.switchboard.core.http;

/**
 * The platform failed ({@code 5xx}) and the retries, if any were safe, did not help. For a {@code
 * 500}, {@code 502} or {@code 504} answering a request that is not safe to repeat (a POST) the
 * outcome is unknown ({@link #outcomeUnknown()}): check before sending it again.
 */
public class ServerException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  public ServerException(String message, ApiFailure failure, Throwable cause) {
    super(message, failure, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   * @param outcomeUnknown whether the platform may have acted on the request
   */
  public ServerException(
      String message, ApiFailure failure, Throwable cause, boolean outcomeUnknown) {
    super(message, failure, cause, outcomeUnknown);
  }
}
