package dev.switchboard.core.http;

/**
 * The platform failed ({@code 5xx}) and the retries, if any were safe, did not help. For a {@code
 * 500} on a POST the outcome is unknown: check before sending again.
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
}
