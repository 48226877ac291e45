package dev.switchboard.core.http;

/**
 * The platform refused the request with a {@code 4xx} status that has no more specific type ({@code
 * 405}, {@code 409}, {@code 413}...).
 */
public class ClientErrorException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  public ClientErrorException(String message, ApiFailure failure, Throwable cause) {
    super(message, failure, cause);
  }
}
