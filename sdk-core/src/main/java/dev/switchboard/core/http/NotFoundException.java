package dev.switchboard.core.http;

/**
 * The resource called does not exist ({@code 404}): check the id (workflow, campaign, agent...) and
 * the base URL.
 */
public class NotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param cause the underlying failure, or {@code null}
   */
  public NotFoundException(String message, ApiFailure failure, Throwable cause) {
    super(message, failure, cause);
  }
}
