package dev.switchboard.core.http;

/**
 * No answer came back: the connection failed, or the platform did not answer in time. When {@link
 * #outcomeUnknown()} is {@code true} the request was sent and may have been acted on: check before
 * sending it again.
 */
public class TransportException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;

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
    super(message, failure, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * Whether the request may have reached the platform (a time-out after it was sent), as opposed to
   * a failure before it was sent.
   *
   * @return whether the outcome is unknown
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
