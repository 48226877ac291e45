package dev.switchboard.core.http;

/**
 * The platform refused the credentials ({@code 401} or {@code 403}): check the API key or client
 * credentials and their permissions.
 */
public class AuthenticationException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  public AuthenticationException(String message, ApiFailure failure, Throwable cause) {
    super(message, failure, cause);
  }
}
