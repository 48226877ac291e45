package dev.switchboard.core.http;

/**
 * The platform refused the request as invalid ({@code 400} or {@code 422}); {@link
 * #platformMessage()} says which field. Fix the request: retrying it unchanged fails again.
 */
public class InvalidRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidRequestException(String message, ApiFailure failure, Throwable cause) {
    super(message, failure, cause);
  }
}
