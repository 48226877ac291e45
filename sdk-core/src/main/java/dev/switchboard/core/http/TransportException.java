package dev.switchboard.core.http;

/**
 * No answer came back: the connection failed, was closed or reset, or the platform did not answer
 * in time. When {@link #outcomeUnknown()} is {@code true} the request was sent, is not safe to
 * repeat, and may have been acted on: check before sending it again.
 */
public class TransportException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do next
   * @param failure what is known about the call
   * @param outcomeUnknown whether the request may have reached the platform
   * @param cause the I/O failure
   */
  public TransportException(
      String message, ApiFailure failure, boolean outcomeUnknown, Throwable cause) {
    super(message, failure, cause, outcomeUnknown);
  }
}
